import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
// @ts-expect-error oidc-provider 8 ships no types (and test files are not part of `tsc -b`).
import Provider from 'oidc-provider';
import { buildApp } from '../../app.js';
import { seedDemo } from '../../demo/demo.service.js';
import { ENGINES, createTestEnv, type TestEnv } from '../../testing/databases.js';
import { municipalityRepository } from '../municipalities.js';
import { safeReturnTo } from './oidc.service.js';

const CLIENT_ID = 'omstilling-test';
const CLIENT_SECRET = 'a-client-secret-for-the-loopback-provider-only';
const CALLBACK_PATH = '/api/auth/oidc/callback';

/** Fictional people at the provider, keyed by their subject (the dev login form's "login" field). */
const ACCOUNTS: Record<string, { email: string; name: string; email_verified?: boolean }> = {
  'idp-tonje-7f3a': { email: 'Tonje.Brekkestad@asker.example', name: 'Tonje Brekkestad' },
  'idp-stranger-19c2': { email: 'ukjent.person@example.org', name: 'Ukjent Person' },
  'idp-unverified-4411': { email: 'anders.vikhagen@asker.example', name: 'Anders Vikhagen', email_verified: false },
};

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** A real OpenID provider on loopback with one confidential client that must use PKCE. */
async function startProvider(redirectUri: string): Promise<{ issuer: string; userinfoCalls: () => number; close(): Promise<void> }> {
  let handler: http.RequestListener = (_req, res) => res.end();
  let userinfoCalls = 0;
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/me')) userinfoCalls++;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    async findAccount(_ctx: unknown, id: string) {
      const account = ACCOUNTS[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: account.email_verified ?? true, name: account.name }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['loopback-provider-cookie-key'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  handler = provider.callback();
  return { issuer, userinfoCalls: () => userinfoCalls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Cookies as a browser keeps them for one host: by name and path, and not by port. */
class CookieJar {
  private cookies = new Map<string, { name: string; value: string; path: string }>();

  store(res: Response, requestUrl: URL): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      let path = requestUrl.pathname.replace(/\/[^/]*$/, '') || '/';
      let expired = false;
      for (const a of attrs) {
        const [k, v = ''] = a.split('=');
        const key = k!.toLowerCase();
        if (key === 'path') path = v;
        if (key === 'max-age' && Number(v) <= 0) expired = true;
        if (key === 'expires' && Date.parse(v) <= Date.now()) expired = true;
      }
      const id = `${name};${path}`;
      if (expired || value === '') this.cookies.delete(id);
      else this.cookies.set(id, { name, value, path });
    }
  }

  header(url: URL): string {
    return [...this.cookies.values()]
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  get(name: string): string | undefined {
    return [...this.cookies.values()].find((c) => c.name === name)?.value;
  }
}

async function request(jar: CookieJar, url: URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set('cookie', cookie);
  const res = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(res, url);
  return res;
}

/** Follows redirects like a browser until `stop` says the next URL is ours to handle, or a page is shown. */
async function follow(jar: CookieJar, start: URL, stop: (url: URL) => boolean, init?: RequestInit): Promise<{ url: URL; res: Response | null }> {
  let url = start;
  let res = await request(jar, url, init);
  for (let hops = 0; hops < 20 && res.status >= 300 && res.status < 400; hops++) {
    url = new URL(res.headers.get('location')!, url);
    await res.arrayBuffer();
    if (stop(url)) return { url, res: null };
    res = await request(jar, url);
  }
  return { url, res };
}

const formAction = (html: string): string => {
  const m = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(html);
  if (!m) throw new Error(`no form in provider page: ${html.slice(0, 500)}`);
  return m[1]!.replace(/&amp;/g, '&');
};

const post = (form: Record<string, string>): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

describe.each(ENGINES)('OpenID Connect login against a real provider (%s)', (engine) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let op: Awaited<ReturnType<typeof startProvider>>;
  let base: string;
  let clockOffset = 0;

  const isCallback = (url: URL) => url.origin === base && url.pathname === CALLBACK_PATH;

  /** Starts at Omstilling, signs in at the provider's dev forms, and stops just before the callback. */
  async function toCallback(jar: CookieJar, accountId: string, returnTo = '/'): Promise<URL> {
    const started = await follow(jar, new URL(`${base}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`), isCallback);
    let step = started;
    for (let pages = 0; step.res && pages < 4; pages++) {
      const html = await step.res.text();
      expect(step.res.status, html.slice(0, 300)).toBe(200);
      const action = new URL(formAction(html), step.url);
      const form: Record<string, string> = html.includes('name="login"') ? { prompt: 'login', login: accountId, password: 'anything' } : { prompt: 'consent' };
      step = await follow(jar, action, isCallback, post(form));
    }
    if (step.res) throw new Error(`did not come back from the provider: ${step.url}`);
    expect(step.url.searchParams.get('code')).toBeTruthy();
    return step.url;
  }

  async function callback(jar: CookieJar, url: URL): Promise<string> {
    const res = await request(jar, url);
    expect(res.status).toBe(302);
    return res.headers.get('location')!;
  }

  async function session(jar: CookieJar) {
    const res = await request(jar, new URL(`${base}/api/auth/session`));
    return (await res.json()) as { authenticated: boolean; user: { email: string; id: string } | null };
  }

  const userRow = (email: string) => env.deps.db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    op = await startProvider(`${base}${CALLBACK_PATH}`);
    env = await createTestEnv(
      engine,
      { OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET, OIDC_ALLOW_INSECURE: 'true', OIDC_LABEL: 'Testleverandør', PUBLIC_URL: base },
      () => new Date(Date.now() + clockOffset),
    );
    await seedDemo(env.deps, 'asker');
    // A second tenant, reached by /m/nabo; 127.0.0.1 stays Asker's host.
    await municipalityRepository(env.deps.db).upsert({ slug: 'nabo', name: 'Nabo kommune', number: '9999', previousNumbers: [], hosts: [], locale: 'nb' }, new Date().toISOString());
    app = await buildApp(env.deps);
    await app.listen({ port, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app?.close();
    await op?.close();
    await env?.close();
  });

  it('reports the login option in /api/meta', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/meta' });
    expect(res.json().login.oidc).toEqual({ label: 'Testleverandør' });
  });

  it('redirects to the provider with PKCE, nonce, state and the configured redirect URI', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/auth/oidc/start?returnTo=/program' });
    expect(res.statusCode).toBe(302);
    const to = new URL(res.headers.location as string);
    expect(to.origin).toBe(op.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({ client_id: CLIENT_ID, response_type: 'code', scope: 'openid email profile', redirect_uri: `${base}${CALLBACK_PATH}`, code_challenge_method: 'S256' });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(to.searchParams.get(p)).toBeTruthy();
    const stored = await env.deps.db.selectFrom('oidc_state').selectAll().where('return_to', '=', '/program').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.code_verifier).not.toBe(to.searchParams.get('code_challenge'));
  });

  it('signs in a known user by e-mail on the first login, links the subject and audits it', async () => {
    const jar = new CookieJar();
    const cb = await toCallback(jar, 'idp-tonje-7f3a', '/program?tab=mål#top');
    const userinfo = op.userinfoCalls();
    expect(await callback(jar, cb)).toBe('/program?tab=m%C3%A5l#top');
    // oidc-provider keeps scope claims out of the ID token when an access token is issued: e-mail came from UserInfo.
    expect(op.userinfoCalls()).toBe(userinfo + 1);
    const me = await session(jar);
    expect(me.authenticated).toBe(true);
    expect(me.user!.email).toBe('tonje.brekkestad@asker.example');

    const row = await userRow('tonje.brekkestad@asker.example');
    expect(row.oidc_subject).toBe('idp-tonje-7f3a');
    expect(row.oidc_issuer).toBe(op.issuer);
    expect(row.last_login_at).not.toBeNull();
    const audit = await env.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', row.id).where('action', '=', 'update').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('Testleverandør');
    expect(JSON.parse(audit[0]!.after!)).toEqual({ oidcIssuer: op.issuer, oidcSubject: 'idp-tonje-7f3a' });
  });

  it('finds the user by subject on later logins, even when the provider reports another e-mail', async () => {
    const before = ACCOUNTS['idp-tonje-7f3a']!.email;
    ACCOUNTS['idp-tonje-7f3a']!.email = 'tonje@privat.example';
    try {
      const jar = new CookieJar();
      const cb = await toCallback(jar, 'idp-tonje-7f3a', '//evil.example/steal');
      expect(await callback(jar, cb)).toBe('/'); // an off-site returnTo was replaced when the login started
      const me = await session(jar);
      expect(me.user?.email).toBe('tonje.brekkestad@asker.example');
      const links = await env.deps.db.selectFrom('audit_log').select('id').where('entity_type', '=', 'user').where('action', '=', 'update').execute();
      expect(links).toHaveLength(1); // no second linking
    } finally {
      ACCOUNTS['idp-tonje-7f3a']!.email = before;
    }
  });

  it('refuses people who have no account (no automatic sign-up)', async () => {
    const jar = new CookieJar();
    const cb = await toCallback(jar, 'idp-stranger-19c2');
    expect(await callback(jar, cb)).toBe('/login?error=oidc_unknown_user');
    expect(jar.get('omstilling_sid')).toBeUndefined();
    expect((await session(jar)).authenticated).toBe(false);
    const users = await env.deps.db.selectFrom('app_user').select('id').where('email', '=', 'ukjent.person@example.org').execute();
    expect(users).toHaveLength(0);
  });

  it('does not link an account by an e-mail the provider marks as unverified', async () => {
    const jar = new CookieJar();
    const cb = await toCallback(jar, 'idp-unverified-4411');
    expect(await callback(jar, cb)).toBe('/login?error=oidc_unknown_user');
    expect((await userRow('anders.vikhagen@asker.example')).oidc_subject).toBeNull();
  });

  it('refuses a replayed state, a state from another browser and an unknown state', async () => {
    const jar = new CookieJar();
    const cb = await toCallback(jar, 'idp-tonje-7f3a');
    const bound = jar.get('omstilling_oidc')!;
    expect(bound).toBeTruthy();

    // Someone else's callback URL opened in a fresh browser (login CSRF) is refused and leaves the state unused.
    expect(await callback(new CookieJar(), cb)).toBe('/login?error=oidc_failed');
    expect(await callback(jar, cb)).toMatch(/^\/($|\?)/);

    // The same callback again, even with the binding cookie restored: the state was used up.
    const replay = await fetch(cb, { redirect: 'manual', headers: { cookie: `omstilling_oidc=${bound}` } });
    expect(replay.status).toBe(302);
    expect(replay.headers.get('location')).toBe('/login?error=oidc_failed');
    expect(replay.headers.getSetCookie().some((c) => c.startsWith('omstilling_sid='))).toBe(false);

    const forged = new URL(cb);
    forged.searchParams.set('state', 'a-state-that-was-never-issued');
    expect(await callback(new CookieJar(), forged)).toBe('/login?error=oidc_failed');
    const none = await app.inject({ method: 'GET', url: `${CALLBACK_PATH}?code=abc` });
    expect(none.headers.location).toBe('/login?error=oidc_failed');
  });

  it('refuses a state started in another municipality, and leaves it usable where it belongs', async () => {
    const jar = new CookieJar();
    const cb = await toCallback(jar, 'idp-tonje-7f3a', '/hjem');
    const elsewhere = await app.inject({ method: 'GET', url: `/m/nabo${CALLBACK_PATH}${cb.search}`, headers: { cookie: jar.header(cb) } });
    expect(elsewhere.headers.location).toBe('/m/nabo/login?error=oidc_failed') // the login page of the municipality the callback came to;
    expect(await callback(jar, cb)).toBe('/hjem');
  });

  it('refuses a state older than ten minutes', async () => {
    const jar = new CookieJar();
    const cb = await toCallback(jar, 'idp-tonje-7f3a');
    clockOffset = 11 * 60_000;
    try {
      expect(await callback(jar, cb)).toBe('/login?error=oidc_failed');
    } finally {
      clockOffset = 0;
    }
    expect((await session(jar)).authenticated).toBe(false);
  });

  it('sends a provider error (the person cancels) to the login page', async () => {
    const jar = new CookieJar();
    const started = await follow(jar, new URL(`${base}/api/auth/oidc/start`), isCallback);
    const html = await started.res!.text();
    const abort = /<a href="([^"]+)">\[ Cancel \]<\/a>/.exec(html)![1]!;
    const back = await follow(jar, new URL(abort, started.url), isCallback);
    expect(back.res).toBeNull();
    expect(back.url.searchParams.get('error')).toBe('access_denied');
    expect(await callback(jar, back.url)).toBe('/login?error=oidc_failed');
    expect((await session(jar)).authenticated).toBe(false);
  });
});

describe('OpenID Connect when not configured', () => {
  let env: TestEnv;
  let app: FastifyInstance;
  beforeAll(async () => {
    env = await createTestEnv('sqlite');
    await seedDemo(env.deps, 'asker');
    app = await buildApp(env.deps);
  });
  afterAll(async () => {
    await app?.close();
    await env?.close();
  });

  it('answers 404 not_found on both endpoints', async () => {
    for (const url of ['/api/auth/oidc/start?returnTo=/', `${CALLBACK_PATH}?code=a&state=b`]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    expect((await app.inject({ method: 'GET', url: '/api/meta' })).json().login.oidc).toBeNull();
    const docs = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(Object.keys(docs.json().paths)).toEqual(expect.arrayContaining(['/api/auth/oidc/start', CALLBACK_PATH]));
  });
});

describe('safeReturnTo', () => {
  it('keeps paths on this site and replaces everything else with /', () => {
    expect(safeReturnTo('/program/mål?x=1#a')).toBe('/program/m%C3%A5l?x=1#a');
    expect(safeReturnTo('/m/asker/admin')).toBe('/m/asker/admin');
    for (const bad of ['//evil.example', '/\\evil.example', '/\t/evil.example', 'https://evil.example/', 'javascript:alert(1)', 'program', '', undefined, 42, `/${'a'.repeat(1001)}`]) {
      expect(safeReturnTo(bad)).toBe('/');
    }
  });
});
