import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type SnapshotRow = Selectable<DB['econ_snapshot']>;
export type EstablishmentRow = Selectable<DB['econ_establishment']>;
export type RuleSetRow = Selectable<DB['econ_rule_set']>;
type New<T> = Omit<T, 'municipality_id'>;

/** All SQL of the economy domain, always through the tenant scope. */
export function economyRepository(scope: TenantScope) {
  return {
    snapshots: () => scope.selectFrom('econ_snapshot').selectAll().orderBy('date').execute(),
    snapshotById: (id: string) => scope.selectFrom('econ_snapshot').selectAll().where('id', '=', id).executeTakeFirst(),
    snapshotByDate: (date: string) => scope.selectFrom('econ_snapshot').selectAll().where('date', '=', date).executeTakeFirst(),
    insertSnapshot: (row: New<SnapshotRow>) => scope.insertInto('econ_snapshot', row).execute(),
    updateSnapshot: (id: string, set: Partial<New<SnapshotRow>>) => scope.updateTable('econ_snapshot').set(set).where('id', '=', id).execute(),
    establishments: (snapshotId: string) => scope.selectFrom('econ_establishment').selectAll().where('snapshot_id', '=', snapshotId).orderBy('employees', 'desc').orderBy('org_number').execute(),
    /** Every establishment of every snapshot (a few thousand rows for a municipality), for the yearly trend. */
    allEstablishments: () => scope.selectFrom('econ_establishment').select(['snapshot_id', 'org_number', 'parent_org_number', 'industry_code', 'employees']).execute(),
    deleteEstablishments: (snapshotId: string) => scope.deleteFrom('econ_establishment').where('snapshot_id', '=', snapshotId).execute(),
    insertEstablishments: async (rows: New<EstablishmentRow>[]) => {
      for (let i = 0; i < rows.length; i += 200) await scope.insertInto('econ_establishment', rows.slice(i, i + 200)).execute();
    },
    ruleSets: () => scope.selectFrom('econ_rule_set').selectAll().orderBy('valid_from').execute(),
    insertRuleSet: (row: New<RuleSetRow>) => scope.insertInto('econ_rule_set', row).execute(),
    municipality: () => scope.db.selectFrom('municipality').select(['slug', 'number', 'previous_numbers']).where('id', '=', scope.municipalityId).executeTakeFirst(),
    /** Verified certificates of external organisations with the organisation's number (read-only use of the certification tables). */
    organisationNumbers: () => scope.selectFrom('organisation').select(['id', 'org_number']).execute(),
  };
}
