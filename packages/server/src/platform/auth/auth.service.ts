import type { Kysely } from 'kysely';
import type { UserActor } from '@omstilling/core';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors.js';
import { newId, newToken, sha256 } from '../ids.js';
import { TenantScope } from '../tenant.js';
import { recordAudit } from '../audit/audit.service.js';
import { usersRepository, type UserRow } from '../users/users.repository.js';
import { actorFromUser } from '../users/users.service.js';
import { hashPassword, verifyPassword } from './password.js';
import { sessionRepository } from './session.repository.js';

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface StartedSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
  actor: UserActor;
}

// A real hash of a random password, so that unknown e-mails cost as much time as known ones.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => (dummyHash ??= hashPassword(newToken()));

/** Starts a session for a user who has proved who they are (password or OIDC). */
export async function startSession(db: Kysely<DB>, user: UserRow, meta: SessionMeta, now: Date, ttlHours: number): Promise<StartedSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000).toISOString();
  const at = now.toISOString();
  const scope = new TenantScope(db, user.municipality_id);
  await scope.transaction(async (s) => {
    await sessionRepository(s.db as Kysely<DB>).create({ id: sha256(token), municipality_id: user.municipality_id, user_id: user.id, csrf_token: csrfToken, created_at: at, expires_at: expiresAt, last_seen_at: at, ip: meta.ip, user_agent: meta.userAgent?.slice(0, 300) ?? null });
    await usersRepository(s).update(user.id, { last_login_at: at });
    const actor = await actorFromUser(s, user);
    await recordAudit({ scope: s, actor, now: () => now }, { action: 'login', entityType: 'user', entityId: user.id, summary: `Innlogging (${meta.ip ?? 'ukjent IP'})` });
  });
  return { token, csrfToken, expiresAt, actor: await actorFromUser(scope, user) };
}

/** Checks e-mail and password within one municipality; the error never says which was wrong. */
/** Failed logins for one e-mail address within the window after which it is refused for a while. */
export const LOGIN_THROTTLE = { failures: 5, windowMinutes: 15 };

/**
 * Signs in with a password. Guesses are throttled per account in the database, so across every
 * instance: after 5 failures within 15 minutes the address is refused — right password or not —
 * until the oldest of them is 15 minutes old. Unknown addresses are counted too, and answer the
 * same, so the throttle does not tell which addresses exist. A successful login clears the count.
 */
export async function loginWithPassword(db: Kysely<DB>, municipalityId: string, email: string, password: string, meta: SessionMeta, now: Date, ttlHours: number): Promise<StartedSession> {
  const scope = new TenantScope(db, municipalityId);
  const address = email.trim().toLowerCase();
  const emailHash = sha256(address);
  const since = new Date(now.getTime() - LOGIN_THROTTLE.windowMinutes * 60_000).toISOString();
  const recent = await scope.selectFrom('login_failure').select('at').where('email_hash', '=', emailHash).where('at', '>', since).orderBy('at').execute();
  if (recent.length >= LOGIN_THROTTLE.failures) {
    const freeAt = Date.parse(recent[recent.length - LOGIN_THROTTLE.failures]!.at) + LOGIN_THROTTLE.windowMinutes * 60_000;
    const minutes = Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
    throw new AppError('rate_limited', `For mange mislykkede innlogginger med denne e-postadressen. Prøv igjen om ${minutes} ${minutes === 1 ? 'minutt' : 'minutter'}.`);
  }
  const user = await usersRepository(scope).byEmail(address);
  const ok = await verifyPassword(user?.password_hash ?? (await getDummyHash()), password);
  if (!user || !user.password_hash || !ok || user.active !== 1) {
    await scope.insertInto('login_failure', { id: newId(), email_hash: emailHash, at: now.toISOString() }).execute();
    // Old failures are of no use: keep the table small.
    await scope.deleteFrom('login_failure').where('at', '<', new Date(now.getTime() - 86_400_000).toISOString()).execute();
    throw new AppError('unauthenticated', 'Feil e-postadresse eller passord');
  }
  await scope.deleteFrom('login_failure').where('email_hash', '=', emailHash).execute();
  return startSession(db, user, meta, now, ttlHours);
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  actor: UserActor;
}

/** The actor behind a session cookie, or null when it is unknown, expired or of another municipality. */
export async function resolveSession(db: Kysely<DB>, municipalityId: string, token: string, now: Date, ttlHours: number): Promise<ResolvedSession | null> {
  const sessions = sessionRepository(db);
  const id = sha256(token);
  const found = await sessions.findValid(id, municipalityId, now.toISOString());
  if (!found) return null;
  const scope = new TenantScope(db, municipalityId);
  const user = await usersRepository(scope).byId(found.userId);
  if (!user) return null;
  // Sliding expiry, written at most once a minute to spare the database.
  if (now.getTime() - Date.parse(found.last_seen_at) > 60_000) {
    await sessions.touch(id, now.toISOString(), new Date(now.getTime() + ttlHours * 3600_000).toISOString());
  }
  return { sessionId: id, csrfToken: found.csrf_token, actor: await actorFromUser(scope, user) };
}

/** Ends a session. */
export async function logout(db: Kysely<DB>, sessionId: string): Promise<void> {
  await sessionRepository(db).delete(sessionId);
}
