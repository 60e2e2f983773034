import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../testing/databases.js';
import { DEMO_PASSWORD, sessionFrom, startTestApp, type TestApp, type TestSession } from '../../testing/http.js';

describe.each(ENGINES)('CSRF and login rate limit (%s)', (engine) => {
  let t: TestApp;
  let admin: TestSession;
  const unit = (name: string) => ({ parentId: null, kind: 'sector', type: 'office', name });
  const countUnits = async (name: string) => (await t.deps.db.selectFrom('org_unit').select('id').where('name', '=', name).execute()).length;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.login('admin@asker.example');
  });
  afterAll(() => t?.close());

  it('refuses a state-changing request with a session but without the CSRF token, and writes nothing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: admin.cookie }, payload: unit('Uten token') });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
    expect(await countUnits('Uten token')).toBe(0);
  });

  it('refuses a wrong CSRF token (same length, other length, another session’s token)', async () => {
    const other = await t.login('tonje.brekkestad@asker.example');
    const wrong = [admin.csrfToken.slice(0, -1) + (admin.csrfToken.endsWith('A') ? 'B' : 'A'), 'short', `${admin.csrfToken}x`, other.csrfToken, ''];
    for (const token of wrong) {
      const res = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: admin.cookie, 'x-csrf-token': token }, payload: unit('Feil token') });
      expect(res.statusCode, `token ${JSON.stringify(token)}`).toBe(403);
      expect(res.json().code).toBe('csrf');
    }
    expect(await countUnits('Feil token')).toBe(0);
  });

  it('checks PUT, DELETE and multipart uploads as well as POST, and logout', async () => {
    const someUnit = (await t.app.inject({ url: '/api/units', headers: admin.headers() })).json()[0];
    const org = (await t.app.inject({ url: '/api/organisations?limit=1', headers: admin.headers() })).json().items[0];
    for (const [method, url, payload] of [
      ['PUT', `/api/units/${someUnit.id}`, unit('Endret uten token')],
      ['DELETE', `/api/organisations/${org.id}`, undefined],
      ['POST', '/api/auth/logout', undefined],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: { cookie: admin.cookie }, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('csrf');
    }
    const upload = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: admin.cookie, 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x\r\nContent-Disposition: form-data; name="domain"\r\n\r\nfoodwaste\r\n--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--x--\r\n' });
    expect(upload.statusCode).toBe(403);
    expect(upload.json().code).toBe('csrf');
    // Nothing changed, and the session still works (logout was refused).
    expect((await t.app.inject({ url: `/api/units/${someUnit.id}`, headers: admin.headers() })).json().name).toBe(someUnit.name);
    expect((await t.app.inject({ url: `/api/organisations/${org.id}`, headers: admin.headers() })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/session', headers: admin.headers() })).json().authenticated).toBe(true);
  });

  it('accepts the right token, and needs none for reading', async () => {
    expect((await t.app.inject({ url: '/api/units', headers: { cookie: admin.cookie } })).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: '/api/units', headers: admin.headers(), payload: unit('Med token') });
    expect(res.statusCode, res.body).toBe(201);
    expect(await countUnits('Med token')).toBe(1);
  });

  it('refuses a cross-site form post without a session (no CORS preflight for form encodings)', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': type }, remoteAddress: '10.200.0.1', payload: 'email=admin%40asker.example&password=omstilling-demo' });
      expect(res.statusCode, type).toBe(403);
      expect(res.json().code).toBe('csrf');
      expect(res.cookies).toEqual([]);
    }
  });

  it('allows 10 login attempts a minute from one address and answers the 11th with 429', async () => {
    const from = '10.201.0.1';
    const attempt = (password: string, remoteAddress = from, email = 'admin@asker.example') => t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });
    // Ten guesses at ten addresses (one account would be locked after five, see login.test.ts).
    for (let i = 1; i <= 10; i++) expect((await attempt(`wrong-${i}`, from, `gjett${i}@asker.example`)).statusCode, `attempt ${i}`).toBe(401);
    const eleventh = await attempt(DEMO_PASSWORD);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().code).toBe('rate_limited');
    expect(eleventh.cookies.filter((c) => c.name === 'omstilling_sid')).toEqual([]);
    // Another address is not affected, and the right password works there.
    const elsewhere = await attempt(DEMO_PASSWORD, '10.201.0.2');
    expect(elsewhere.statusCode).toBe(200);
    expect(sessionFrom(elsewhere).user.email).toBe('admin@asker.example');
  });

  it('limits by address even when the attempts are spread over municipalities and e-mails', async () => {
    const from = '10.202.0.1';
    for (let i = 1; i <= 10; i++) {
      const res = await t.app.inject({ method: 'POST', url: i % 2 ? '/api/auth/login' : '/m/asker/api/auth/login', remoteAddress: from, payload: { email: `nobody${i}@asker.example`, password: 'x' } });
      expect(res.statusCode).toBe(401);
    }
    expect((await t.app.inject({ method: 'POST', url: '/m/asker/api/auth/login', remoteAddress: from, payload: { email: 'admin@asker.example', password: DEMO_PASSWORD } })).statusCode).toBe(429);
  });
});
