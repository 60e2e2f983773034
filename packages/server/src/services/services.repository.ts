import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type MeasureRow = Selectable<DB['svc_measure']>;
export type AdoptionRow = Selectable<DB['svc_adoption']>;
export type EventRow = Selectable<DB['svc_adoption_event']>;
export type ReportRow = Selectable<DB['svc_report']>;
type New<T> = Omit<T, 'municipality_id'>;

/** All SQL of the services domain, always through the tenant scope. */
export function servicesRepository(scope: TenantScope) {
  const chunked = async <T>(rows: T[], insert: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 200) await insert(rows.slice(i, i + 200));
  };
  return {
    measures: () => scope.selectFrom('svc_measure').selectAll().orderBy('title_nb').orderBy('id').execute(),
    measureById: (id: string) => scope.selectFrom('svc_measure').selectAll().where('id', '=', id).executeTakeFirst(),
    measureByKey: (key: string) => scope.selectFrom('svc_measure').selectAll().where('key', '=', key).executeTakeFirst(),
    insertMeasures: (rows: New<MeasureRow>[]) => chunked(rows, (p) => scope.insertInto('svc_measure', p).execute()),
    updateMeasure: (id: string, set: Partial<New<MeasureRow>>) => scope.updateTable('svc_measure').set(set).where('id', '=', id).execute(),
    countMeasures: async () => Number((await scope.selectFrom('svc_measure').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),

    adoptions: (unitIds?: readonly string[]) => {
      let q = scope.selectFrom('svc_adoption').selectAll();
      if (unitIds) q = unitIds.length ? q.where('unit_id', 'in', [...unitIds]) : q.where('id', '=', '');
      return q.orderBy('adopted_on').orderBy('id').execute();
    },
    adoptionById: (id: string) => scope.selectFrom('svc_adoption').selectAll().where('id', '=', id).executeTakeFirst(),
    adoptionOf: (unitId: string, measureId: string) => scope.selectFrom('svc_adoption').selectAll().where('unit_id', '=', unitId).where('measure_id', '=', measureId).executeTakeFirst(),
    insertAdoptions: (rows: New<AdoptionRow>[]) => chunked(rows, (p) => scope.insertInto('svc_adoption', p).execute()),
    updateAdoption: (id: string, set: Partial<New<AdoptionRow>>) => scope.updateTable('svc_adoption').set(set).where('id', '=', id).execute(),

    events: (adoptionIds?: readonly string[]) => {
      let q = scope.selectFrom('svc_adoption_event').selectAll();
      if (adoptionIds) q = adoptionIds.length ? q.where('adoption_id', 'in', [...adoptionIds]) : q.where('id', '=', '');
      return q.orderBy('adoption_id').orderBy('seq').execute();
    },
    insertEvents: (rows: New<EventRow>[]) => chunked(rows, (p) => scope.insertInto('svc_adoption_event', p).execute()),

    reports: (f: { unitIds?: readonly string[]; adoptionId?: string } = {}) => {
      let q = scope.selectFrom('svc_report').selectAll();
      if (f.unitIds) q = f.unitIds.length ? q.where('unit_id', 'in', [...f.unitIds]) : q.where('id', '=', '');
      if (f.adoptionId) q = q.where('adoption_id', '=', f.adoptionId);
      return q.orderBy('report_date', 'desc').orderBy('id').execute();
    },
    /** Report dates only (coverage needs no text). */
    reportDates: () => scope.selectFrom('svc_report').select(['adoption_id', 'unit_id', 'report_date']).execute(),
    insertReports: (rows: New<ReportRow>[]) => chunked(rows, (p) => scope.insertInto('svc_report', p).execute()),

    unitAreas: () => scope.selectFrom('svc_unit_area').selectAll().execute(),
    unitAreaOf: (unitId: string) => scope.selectFrom('svc_unit_area').selectAll().where('unit_id', '=', unitId).executeTakeFirst(),
    insertUnitAreas: (rows: New<Selectable<DB['svc_unit_area']>>[]) => chunked(rows, (p) => scope.insertInto('svc_unit_area', p).execute()),
    updateUnitArea: (unitId: string, areaKey: string | null, at: string) => scope.updateTable('svc_unit_area').set({ area_key: areaKey, updated_at: at }).where('unit_id', '=', unitId).execute(),
    deleteUnitArea: (unitId: string) => scope.deleteFrom('svc_unit_area').where('unit_id', '=', unitId).execute(),
  };
}
