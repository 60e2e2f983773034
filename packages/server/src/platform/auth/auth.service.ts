import type { Kysely } from 'kysely';
import type { UserActor } from '@omstilling/core';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors.js';
import { newToken, sha256 } from '../ids.js';
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
export async function loginWithPassword(db: Kysely<DB>, municipalityId: string, email: string, password: string, meta: SessionMeta, now: Date, ttlHours: number): Promise<StartedSession> {
  const scope = new TenantScope(db, municipalityId);
  const user = await usersRepository(scope).byEmail(email.trim().toLowerCase());
  const ok = await verifyPassword(user?.password_hash ?? (await getDummyHash()), password);
  if (!user || !user.password_hash || !ok || user.active !== 1) throw new AppError('unauthenticated', 'Feil e-postadresse eller passord');
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
