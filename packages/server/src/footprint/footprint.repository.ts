import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type DistrictRow = Selectable<DB['fp_district']>;
export type SubmissionRow = Selectable<DB['fp_submission']>;
export type PledgeRow = Selectable<DB['fp_pledge']>;
type New<T> = Omit<T, 'municipality_id'>;

/** All SQL of the footprint domain, always through the tenant scope. */
export function footprintRepository(scope: TenantScope) {
  return {
    districts: () => scope.selectFrom('fp_district').selectAll().orderBy('sort').orderBy('name').execute(),
    districtByKey: (key: string) => scope.selectFrom('fp_district').selectAll().where('key', '=', key).executeTakeFirst(),
    insertDistrict: (row: New<DistrictRow>) => scope.insertInto('fp_district', row).execute(),
    updateDistrict: (id: string, set: Partial<Pick<DistrictRow, 'name' | 'sort'>>) => scope.updateTable('fp_district').set(set).where('id', '=', id).execute(),
    insertSubmission: (rows: New<SubmissionRow> | New<SubmissionRow>[]) => scope.insertInto('fp_submission', rows).execute(),
    insertPledges: (rows: New<PledgeRow>[]) => scope.insertInto('fp_pledge', rows).execute(),
    /** Figures only: never the answers (the tally does not need them). */
    submissions: () => scope.selectFrom('fp_submission').select(['id', 'district_key', 'total_kg', 'categories', 'created_at']).orderBy('created_at').execute(),
    pledges: () => scope.selectFrom('fp_pledge').select(['id', 'action', 'district_key', 'saving_kg', 'created_at']).orderBy('created_at').execute(),
    countSubmissions: async () => Number((await scope.selectFrom('fp_submission').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0),
  };
}
