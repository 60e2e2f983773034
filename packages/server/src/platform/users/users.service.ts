import { DOMAINS, ROLES, descendantsOf, isAdmin, type Role, type UserActor } from '@omstilling/core';
import { AppError, type ErrorDetail } from '../errors.js';
import { nowIso, type Ctx } from '../context.js';
import { newId } from '../ids.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password.js';
import { recordAudit } from '../audit/audit.service.js';
import { organisationsRepository } from '../../organisations/organisations.repository.js';
import { usersRepository, type UserRow } from './users.repository.js';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  domains: string[];
  unitId: string | null;
  organisationId: string | null;
  active: boolean;
  hasPassword: boolean;
  sso: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  unitName?: string | null;
  organisationName?: string | null;
}

/** Never send rows out: this is what the API shows of a user (no hash). */
export function presentUser(r: UserRow): UserView {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    domains: JSON.parse(r.domains),
    unitId: r.unit_id,
    organisationId: r.organisation_id,
    active: r.active === 1,
    hasPassword: r.password_hash !== null,
    sso: r.oidc_subject !== null,
    createdAt: r.created_at,
    lastLoginAt: r.last_login_at,
  };
}

export interface UserInput {
  email: string;
  name: string;
  role: Role;
  domains?: string[];
  unitId?: string | null;
  organisationId?: string | null;
  password?: string | null;
  active?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function validate(ctx: Ctx, input: UserInput): Promise<ErrorDetail[]> {
  const details: ErrorDetail[] = [];
  if (!EMAIL.test(input.email)) details.push({ field: 'email', message: 'Ugyldig e-postadresse' });
  if (!input.name.trim()) details.push({ field: 'name', message: 'Navn må fylles ut' });
  if (!ROLES.includes(input.role)) details.push({ field: 'role', message: `Ukjent rolle: ${input.role}` });
  for (const d of input.domains ?? []) if (!(DOMAINS as readonly string[]).includes(d)) details.push({ field: 'domains', message: `Ukjent domene: ${d}` });
  if (input.role === 'editor' && !(input.domains ?? []).length) details.push({ field: 'domains', message: 'En redaktør må ha minst ett domene' });
  const repo = organisationsRepository(ctx.scope);
  if (input.role === 'unit_manager') {
    if (!input.unitId || !(await repo.unitById(input.unitId))) details.push({ field: 'unitId', message: 'En enhetsleder må knyttes til en enhet i kommunen' });
  }
  if (input.role === 'business') {
    if (!input.organisationId || !(await repo.organisationById(input.organisationId))) details.push({ field: 'organisationId', message: 'En virksomhetsbruker må knyttes til en virksomhet' });
  }
  if (input.password != null && input.password.length < MIN_PASSWORD_LENGTH) details.push({ field: 'password', message: `Passordet må ha minst ${MIN_PASSWORD_LENGTH} tegn` });
  return details;
}

/** Admins create accounts; the role decides which scope fields are kept. */
export async function createUser(ctx: Ctx, input: UserInput): Promise<UserView> {
  if (!isAdmin(ctx.actor)) throw AppError.forbidden();
  const details = await validate(ctx, input);
  if (details.length) throw AppError.validation('Brukeren kunne ikke lagres', details);
  return ctx.scope.transaction(async (scope) => {
    const tctx = { ...ctx, scope };
    const repo = usersRepository(scope);
    const email = input.email.trim().toLowerCase();
    if (await repo.byEmail(email)) throw new AppError('conflict', 'Det finnes allerede en bruker med denne e-postadressen', [{ field: 'email', message: 'E-postadressen er i bruk' }]);
    const at = nowIso(ctx);
    const row: Omit<UserRow, 'municipality_id'> = {
      id: newId(),
      email,
      name: input.name.trim(),
      password_hash: input.password ? await hashPassword(input.password) : null,
      role: input.role,
      domains: JSON.stringify(input.role === 'editor' ? (input.domains ?? []) : []),
      unit_id: input.role === 'unit_manager' ? (input.unitId ?? null) : null,
      organisation_id: input.role === 'business' ? (input.organisationId ?? null) : null,
      oidc_issuer: null,
      oidc_subject: null,
      active: input.active === false ? 0 : 1,
      created_at: at,
      updated_at: at,
      last_login_at: null,
    };
    await repo.insert(row);
    const view = presentUser({ ...row, municipality_id: scope.municipalityId });
    await recordAudit(tctx, { action: 'create', entityType: 'user', entityId: row.id, summary: `Bruker ${email} opprettet`, after: view });
    return view;
  });
}

/** Admins change accounts; a changed password or deactivation ends the user's sessions. */
export async function updateUser(ctx: Ctx, id: string, input: UserInput): Promise<UserView> {
  if (!isAdmin(ctx.actor)) throw AppError.forbidden();
  const details = await validate(ctx, input);
  if (details.length) throw AppError.validation('Brukeren kunne ikke lagres', details);
  return ctx.scope.transaction(async (scope) => {
    const repo = usersRepository(scope);
    const before = await repo.byId(id);
    if (!before) throw AppError.notFound('Brukeren');
    const email = input.email.trim().toLowerCase();
    const clash = await repo.byEmail(email);
    if (clash && clash.id !== id) throw new AppError('conflict', 'Det finnes allerede en bruker med denne e-postadressen', [{ field: 'email', message: 'E-postadressen er i bruk' }]);
    const patch = {
      email,
      name: input.name.trim(),
      role: input.role,
      domains: JSON.stringify(input.role === 'editor' ? (input.domains ?? []) : []),
      unit_id: input.role === 'unit_manager' ? (input.unitId ?? null) : null,
      organisation_id: input.role === 'business' ? (input.organisationId ?? null) : null,
      active: input.active === false ? 0 : 1,
      updated_at: nowIso(ctx),
      ...(input.password ? { password_hash: await hashPassword(input.password) } : {}),
    };
    await repo.update(id, patch);
    if (input.password || input.active === false) await scope.db.deleteFrom('session').where('user_id', '=', id).execute();
    const after = presentUser({ ...before, ...patch });
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'user', entityId: id, summary: `Bruker ${email} endret`, before: presentUser(before), after });
    return after;
  });
}

/** Admins list accounts. */
export async function listUsers(ctx: Ctx, q: string | undefined, page: { limit: number; offset: number }, role?: string) {
  if (!isAdmin(ctx.actor)) throw AppError.forbidden();
  const { rows, total } = await usersRepository(ctx.scope).list(q, role, page.limit, page.offset);
  return { items: rows.map((r) => ({ ...presentUser(r), unitName: r.unit_name ?? null, organisationName: r.organisation_name ?? null })), total };
}

/** Admins read one account. */
export async function getUser(ctx: Ctx, id: string): Promise<UserView> {
  if (!isAdmin(ctx.actor)) throw AppError.forbidden();
  const row = await usersRepository(ctx.scope).byId(id);
  if (!row) throw AppError.notFound('Brukeren');
  return presentUser(row);
}

/** Builds the actor that policies see from a user row, with a unit manager's subtree. */
export async function actorFromUser(scope: Ctx['scope'], row: UserRow): Promise<UserActor> {
  const unitScope = row.role === 'unit_manager' && row.unit_id ? descendantsOf(row.unit_id, await organisationsRepository(scope).unitTree()) : [];
  return {
    kind: 'user',
    userId: row.id,
    municipalityId: row.municipality_id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    domains: JSON.parse(row.domains),
    unitScope,
    unitId: row.unit_id,
    organisationId: row.organisation_id,
  };
}
