import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import type { DB } from '../db/schema.js';
import type { Config } from '../config.js';
import { newToken, sha256 } from '../ids.js';
import { TenantScope } from '../tenant.js';
import { recordAudit } from '../audit/audit.service.js';
import { usersRepository, type UserRow } from '../users/users.repository.js';
import { actorFromUser } from '../users/users.service.js';
import { startSession, type SessionMeta, type StartedSession } from './auth.service.js';

type OidcConfig = NonNullable<Config['oidc']>;

export interface OidcDeps {
  db: Kysely<DB>;
  config: Config;
  now: () => Date;
}

/** How long a started login may take before its state is refused. */
export const OIDC_STATE_TTL_MS = 10 * 60_000;
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/** Why a login through the provider did not start a session; `kind` is what the login page is told. */
export class OidcLoginError extends Error {
  constructor(
    readonly kind: 'oidc_failed' | 'oidc_unknown_user',
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'OidcLoginError';
  }
}

// The provider's metadata and keys change rarely and are the same for every instance; one
// discovery per process. A failed discovery is forgotten so the next login retries it.
const discovered = new Map<string, Promise<oidc.Configuration>>();

async function discover(o: OidcConfig): Promise<oidc.Configuration> {
  const execute = o.allowInsecure ? [oidc.allowInsecureRequests] : [];
  const probe = await oidc.discovery(new URL(o.issuer), o.clientId, o.clientSecret, undefined, { execute, timeout: 10 });
  // client_secret_basic is the OIDC default; fall back to _post for providers that only offer that.
  const methods = probe.serverMetadata().token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  const auth = methods.includes('client_secret_basic') ? oidc.ClientSecretBasic(o.clientSecret) : oidc.ClientSecretPost(o.clientSecret);
  const configuration = new oidc.Configuration(probe.serverMetadata(), o.clientId, { client_secret: o.clientSecret }, auth);
  for (const apply of execute) apply(configuration);
  configuration.timeout = 10;
  return configuration;
}

/** The provider's configuration, discovered once per process. */
export function providerConfiguration(o: OidcConfig): Promise<oidc.Configuration> {
  const key = JSON.stringify([o.issuer, o.clientId, o.clientSecret, o.allowInsecure]);
  let p = discovered.get(key);
  if (!p) {
    p = discover(o);
    discovered.set(key, p);
    p.catch(() => discovered.delete(key));
  }
  return p;
}

/** Only a path on this site may be returned to (no `//host`, no scheme, no backslashes); anything else becomes '/'. */
export function safeReturnTo(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 1000 || !raw.startsWith('/') || raw.startsWith('//')) return '/';
  // Browsers read '\' as '/', and strip tabs and newlines, so '/\evil.example' would leave the site.
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return '/';
  const base = 'http://omstilling.invalid';
  try {
    const u = new URL(raw, base);
    return u.origin === base ? u.pathname + u.search + u.hash : '/';
  } catch {
    return '/';
  }
}

/** All SQL for pending logins; rows live in the database so that any instance can finish a flow. */
function oidcStateRepository(scope: TenantScope) {
  return {
    async insert(row: Omit<DB['oidc_state'], 'municipality_id'>): Promise<void> {
      await scope.insertInto('oidc_state', row).execute();
    },
    /** Reads and deletes one state; only the caller whose delete removed the row gets it (single use). */
    async take(id: string) {
      const row = await scope.selectFrom('oidc_state').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const r = await scope.deleteFrom('oidc_state').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) === 1 ? row : undefined;
    },
    async deleteOlderThan(at: string): Promise<void> {
      await scope.deleteFrom('oidc_state').where('created_at', '<', at).execute();
    },
  };
}

export interface StartedOidcLogin {
  /** Where to send the browser. */
  url: URL;
  /** The `state` value; the route binds it to the browser with a cookie. */
  state: string;
}

/** Begins a login at the provider: remembers PKCE verifier, nonce and return path, and builds the authorization URL. */
export async function startOidcLogin(deps: OidcDeps, municipalityId: string, returnTo: unknown): Promise<StartedOidcLogin> {
  const o = deps.config.oidc;
  if (!o) throw new OidcLoginError('oidc_failed', 'OIDC is not configured');
  const configuration = await providerConfiguration(o);
  const state = newToken();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const nonce = oidc.randomNonce();
  const now = deps.now();
  const states = oidcStateRepository(new TenantScope(deps.db, municipalityId));
  // Abandoned logins are swept here rather than by a job: the table stays as small as the traffic.
  await states.deleteOlderThan(new Date(now.getTime() - OIDC_STATE_TTL_MS).toISOString());
  await states.insert({ id: sha256(state), code_verifier: codeVerifier, nonce, return_to: safeReturnTo(returnTo), created_at: now.toISOString() });
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: `${deps.config.publicUrl}${OIDC_CALLBACK_PATH}`,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state };
}

export interface FinishedOidcLogin {
  session: StartedSession;
  returnTo: string;
  linked: boolean;
}

const describeError = (err: unknown): string => {
  if (err instanceof oidc.ResponseBodyError || err instanceof oidc.AuthorizationResponseError) return `${err.error}${err.error_description ? `: ${err.error_description}` : ''}`;
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
};

/**
 * Finishes a login: consumes the state (single use, at most ten minutes old, same municipality),
 * exchanges the code, and signs in the user with this subject, or else with this e-mail (linking
 * the subject on that first login). Nobody is signed up automatically.
 */
export async function finishOidcLogin(deps: OidcDeps, municipalityId: string, state: string, callbackQuery: string, meta: SessionMeta): Promise<FinishedOidcLogin> {
  const o = deps.config.oidc;
  if (!o) throw new OidcLoginError('oidc_failed', 'OIDC is not configured');
  const scope = new TenantScope(deps.db, municipalityId);
  const row = await oidcStateRepository(scope).take(sha256(state));
  if (!row) throw new OidcLoginError('oidc_failed', 'unknown, used or foreign state');
  const now = deps.now();
  if (now.getTime() - Date.parse(row.created_at) > OIDC_STATE_TTL_MS) throw new OidcLoginError('oidc_failed', 'state expired');

  const configuration = await providerConfiguration(o);
  // The redirect_uri sent with the code must equal the one sent with the authorization request.
  const currentUrl = new URL(`${deps.config.publicUrl}${OIDC_CALLBACK_PATH}?${callbackQuery}`);
  let issuer: string;
  let subject: string;
  let email: string | null;
  let emailVerified: unknown;
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, { pkceCodeVerifier: row.code_verifier, expectedState: state, expectedNonce: row.nonce });
    const claims = tokens.claims()!; // expectedNonce makes an ID token mandatory
    issuer = claims.iss;
    subject = claims.sub;
    let info: Record<string, unknown> = claims;
    // Many providers put e-mail only in UserInfo when an access token is issued (OIDC Core 5.4).
    if (typeof claims.email !== 'string' && configuration.serverMetadata().userinfo_endpoint) info = await oidc.fetchUserInfo(configuration, tokens.access_token, subject);
    email = typeof info.email === 'string' ? info.email.trim().toLowerCase() : null;
    emailVerified = info.email_verified;
  } catch (err) {
    throw new OidcLoginError('oidc_failed', `provider: ${describeError(err)}`);
  }

  const users = usersRepository(scope);
  let user = await users.byOidcSubject(issuer, subject);
  let linked = false;
  if (!user) {
    // A provider that says the address is unverified must not open an account by it.
    const byEmail = email && emailVerified !== false ? await users.byEmail(email) : undefined;
    if (!byEmail) throw new OidcLoginError('oidc_unknown_user', `no user with subject ${subject} or e-mail ${email ?? '(none)'}`);
    if (byEmail.oidc_issuer === issuer && byEmail.oidc_subject && byEmail.oidc_subject !== subject) {
      throw new OidcLoginError('oidc_unknown_user', `user ${byEmail.id} is linked to another subject at ${issuer}`);
    }
    user = byEmail;
    linked = true;
  }
  if (user.active !== 1) throw new OidcLoginError('oidc_unknown_user', `user ${user.id} is deactivated`);
  if (linked) user = await linkSubject(deps, scope, user, issuer, subject, o.label);
  const session = await startSession(deps.db, user, meta, now, deps.config.sessionTtlHours);
  return { session, returnTo: row.return_to, linked };
}

async function linkSubject(deps: OidcDeps, base: TenantScope, user: UserRow, issuer: string, subject: string, label: string): Promise<UserRow> {
  const at = deps.now().toISOString();
  await base.transaction(async (scope) => {
    await usersRepository(scope).update(user.id, { oidc_issuer: issuer, oidc_subject: subject, updated_at: at });
    await recordAudit(
      { scope, actor: await actorFromUser(scope, user), now: deps.now },
      {
        action: 'update',
        entityType: 'user',
        entityId: user.id,
        summary: `Konto koblet til innlogging med ${label}`,
        before: { oidcIssuer: user.oidc_issuer, oidcSubject: user.oidc_subject },
        after: { oidcIssuer: issuer, oidcSubject: subject },
      },
    );
  });
  return { ...user, oidc_issuer: issuer, oidc_subject: subject, updated_at: at };
}
