/** The domains of the platform, same names in core, server and web (DESIGN.md). */
export const DOMAINS = [
  'program',
  'organisations',
  'certification',
  'procurement',
  'climate',
  'investments',
  'enterprise',
  'apprenticeships',
  'foodwaste',
  'circular',
  // Jobs by industry: oil-and-gas related, green and other (program part B context).
  'economy',
  'land',
  'agriculture',
  'footprint',
  'campaign',
  'services',
] as const;
export type Domain = (typeof DOMAINS)[number];

export const ROLES = ['admin', 'editor', 'unit_manager', 'business'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in person, as every policy sees them. */
export interface UserActor {
  readonly kind: 'user';
  readonly userId: string;
  readonly municipalityId: string;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  /** Domains an editor works in; empty for other roles. */
  readonly domains: readonly string[];
  /** A unit manager's unit and every unit below it. */
  readonly unitScope: readonly string[];
  readonly unitId: string | null;
  readonly organisationId: string | null;
}

/** Someone without a session: a resident on the public pages. */
export interface AnonymousActor {
  readonly kind: 'anonymous';
  readonly municipalityId: string;
}

/** The platform itself: seeding, jobs, imports from the CLI. */
export interface SystemActor {
  readonly kind: 'system';
  readonly municipalityId: string;
  readonly label: string;
}

export type Actor = UserActor | AnonymousActor | SystemActor;

/** True for a signed-in user or the system. */
export function isAuthenticated(actor: Actor): actor is UserActor | SystemActor {
  return actor.kind !== 'anonymous';
}

/** Admins and the system may do everything within their municipality. */
export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'admin');
}

/** Whether the actor may edit the records of a whole domain (not only their own unit's). */
export function canEditDomain(actor: Actor, domain: Domain): boolean {
  if (isAdmin(actor)) return true;
  return actor.kind === 'user' && actor.role === 'editor' && actor.domains.includes(domain);
}

/** Whether the actor may read a domain's internal records (everyone signed in from the municipality). */
export function canReadInternal(actor: Actor): boolean {
  if (isAdmin(actor)) return true;
  return actor.kind === 'user' && (actor.role === 'editor' || actor.role === 'unit_manager');
}

/** Whether the actor may act for a municipal unit: domain editors and that unit's manager. */
export function canActForUnit(actor: Actor, domain: Domain, unitId: string | null): boolean {
  if (canEditDomain(actor, domain)) return true;
  return actor.kind === 'user' && actor.role === 'unit_manager' && unitId !== null && actor.unitScope.includes(unitId);
}

/** Whether the actor may act for an external organisation: domain editors and its business users. */
export function canActForOrganisation(actor: Actor, domain: Domain, organisationId: string | null): boolean {
  if (canEditDomain(actor, domain)) return true;
  return actor.kind === 'user' && actor.role === 'business' && organisationId !== null && actor.organisationId === organisationId;
}

/** Ids of a unit and all its descendants, from (id, parentId) pairs. */
export function descendantsOf(unitId: string, units: readonly { id: string; parentId: string | null }[]): string[] {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const out: string[] = [];
  const stack = [unitId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.includes(id)) continue;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
