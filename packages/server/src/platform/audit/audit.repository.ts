import type { TenantScope } from '../tenant.js';

export interface AuditEntryInput {
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  summary?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  q?: string;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** Append-only: this repository has no update or delete. */
export function auditRepository(scope: TenantScope) {
  const filtered = (f: AuditFilter) => {
    let q = scope.selectFrom('audit_log');
    if (f.entityType) q = q.where('entity_type', '=', f.entityType);
    if (f.entityId) q = q.where('entity_id', '=', f.entityId);
    if (f.actorId) q = q.where('actor_id', '=', f.actorId);
    if (f.action) q = q.where('action', '=', f.action);
    if (f.from) q = q.where('at', '>=', f.from);
    if (f.to) q = q.where('at', '<=', f.to);
    if (f.q) {
      const like = `%${f.q.toLowerCase()}%`;
      q = q.where((eb) => eb.or([eb(eb.fn('lower', ['summary']), 'like', like), eb(eb.fn('lower', ['actor_label']), 'like', like), eb('entity_id', '=', f.q!)]));
    }
    return q;
  };
  return {
    async append(e: AuditEntryInput): Promise<void> {
      await scope
        .insertInto('audit_log', {
          at: e.at,
          actor_id: e.actorId,
          actor_label: e.actorLabel,
          action: e.action,
          entity_type: e.entityType,
          entity_id: e.entityId,
          summary: e.summary ?? null,
          before: json(e.before),
          after: json(e.after),
        })
        .execute();
    },
    async facets(): Promise<{ entityTypes: string[]; actions: string[] }> {
      const types = await scope.selectFrom('audit_log').select('entity_type').distinct().orderBy('entity_type').execute();
      const actions = await scope.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
      return { entityTypes: types.map((t) => t.entity_type), actions: actions.map((a) => a.action) };
    },
    async list(f: AuditFilter, limit: number, offset: number) {
      const rows = await filtered(f).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
      const { n } = await filtered(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { rows, total: Number(n) };
    },
  };
}
