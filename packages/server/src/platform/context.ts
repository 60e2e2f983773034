import type { Actor } from '@omstilling/core';
import type { TenantScope } from './tenant.js';

/** What every service call receives: the tenant-scoped database, who acts, and the clock. */
export interface Ctx {
  readonly scope: TenantScope;
  readonly actor: Actor;
  readonly now: () => Date;
}

/** ISO timestamp of the context's clock. */
export function nowIso(ctx: Pick<Ctx, 'now'>): string {
  return ctx.now().toISOString();
}

/** A label for the audit log: who did it. */
export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return `${actor.name} <${actor.email}>`;
  if (actor.kind === 'system') return actor.label;
  return 'anonym';
}
