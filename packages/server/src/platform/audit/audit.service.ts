import { isAdmin } from '@omstilling/core';
import { AppError } from '../errors.js';
import { actorLabel, nowIso, type Ctx } from '../context.js';
import { auditRepository, type AuditFilter } from './audit.repository.js';

export interface AuditChange {
  action: 'create' | 'update' | 'delete' | 'import' | 'login' | 'logout' | string;
  entityType: string;
  entityId: string;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

/** Records one change; call it inside the same transaction as the change itself. */
export async function recordAudit(ctx: Ctx, change: AuditChange): Promise<void> {
  await auditRepository(ctx.scope).append({
    at: nowIso(ctx),
    actorId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    actorLabel: actorLabel(ctx.actor),
    ...change,
  });
}

export interface AuditEntryView {
  id: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string | null;
  before: unknown;
  after: unknown;
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

/** Admins browse the audit log, newest first. */
export async function listAudit(ctx: Ctx, filter: AuditFilter, page: { limit: number; offset: number }): Promise<{ items: AuditEntryView[]; total: number }> {
  if (!isAdmin(ctx.actor)) throw AppError.forbidden();
  const { rows, total } = await auditRepository(ctx.scope).list(filter, page.limit, page.offset);
  return {
    total,
    items: rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      summary: r.summary,
      before: parse(r.before),
      after: parse(r.after),
    })),
  };
}

/** The entity types and actions present in the log, for the filter lists. */
export async function auditFacets(ctx: Ctx): Promise<{ entityTypes: string[]; actions: string[] }> {
  if (!isAdmin(ctx.actor)) throw AppError.forbidden();
  return auditRepository(ctx.scope).facets();
}
