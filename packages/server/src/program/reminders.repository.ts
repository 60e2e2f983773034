import type { TenantScope } from '../platform/tenant.js';

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: string;
  domains: string;
  unit_id: string | null;
}

/** All SQL of the reminder digests: who may receive them, and which were sent. */
export function remindersRepository(scope: TenantScope) {
  return {
    /** Active admins, editors and unit managers: everyone a digest can go to. */
    async staff(): Promise<StaffRow[]> {
      return scope
        .selectFrom('app_user')
        .select(['id', 'email', 'name', 'role', 'domains', 'unit_id'])
        .where('active', '=', 1)
        .where('role', 'in', ['admin', 'editor', 'unit_manager'])
        .orderBy('name')
        .orderBy('id')
        .execute();
    },
    async unitNames(): Promise<Map<string, string>> {
      const rows = await scope.selectFrom('org_unit').select(['id', 'name']).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async municipality(): Promise<{ id: string; slug: string; name: string }> {
      return scope.db.selectFrom('municipality').select(['id', 'slug', 'name']).where('id', '=', scope.municipalityId).executeTakeFirstOrThrow();
    },
    /**
     * Claims the digest `key` of `date`: true if this call inserted the row, false if another
     * run (this or another instance) already had. The unique key (municipality, date, recipient)
     * decides, so two instances racing cannot both send.
     */
    async claim(row: { id: string; date: string; key: string; recipients: string[]; items: number; at: string }): Promise<boolean> {
      const r = await scope
        .insertInto('reminder_digest', { id: row.id, date: row.date, recipient: row.key, recipients: JSON.stringify(row.recipients), items: row.items, sent_at: row.at })
        .onConflict((oc) => oc.columns(['municipality_id', 'date', 'recipient']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    /** Gives a claim back after a failed send, so that a later run retries it. */
    async release(id: string): Promise<void> {
      await scope.deleteFrom('reminder_digest').where('id', '=', id).execute();
    },
    async sentOn(date: string): Promise<Map<string, string>> {
      const rows = await scope.selectFrom('reminder_digest').select(['recipient', 'sent_at']).where('date', '=', date).execute();
      return new Map(rows.map((r) => [r.recipient, r.sent_at]));
    },
  };
}
