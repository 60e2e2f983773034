import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type FarmRow = Selectable<DB['ag_farm']>;
export type CropAreaRow = Selectable<DB['ag_crop_area']>;
export type DeliveryRow = Selectable<DB['ag_delivery']>;
export type PlanRow = Selectable<DB['ag_plan']>;
export type SupportRow = Selectable<DB['ag_support']>;
type New<T> = Omit<T, 'municipality_id'>;

// PostgreSQL returns bigint as text in some set-ups; every number leaves here as a number.
const num = <T extends Record<string, unknown>>(r: T, keys: (keyof T)[]): T => {
  for (const k of keys) if (r[k] !== null && r[k] !== undefined) (r as Record<string, unknown>)[k as string] = Number(r[k]);
  return r;
};
const farmOf = (r: FarmRow) => num(r, ['agricultural_area_daa']);
const areaOf = (r: CropAreaRow) => num(r, ['year', 'area_daa']);
const deliveryOf = (r: DeliveryRow) => num(r, ['year', 'month', 'kg', 'value_ore', 'import_line']);
const planOf = (r: PlanRow) => num(r, ['target_year', 'area_daa']);
const supportOf = (r: SupportRow) => num(r, ['year', 'amount_ore']);

async function insertMany(scope: TenantScope, table: 'ag_crop_area' | 'ag_delivery', rows: readonly object[]) {
  for (let i = 0; i < rows.length; i += 200) await scope.insertInto(table, rows.slice(i, i + 200) as never).execute();
}

/** All SQL of the agriculture domain, always through the tenant scope. */
export function agricultureRepository(scope: TenantScope) {
  return {
    farms: async (organisationId?: string) => {
      let q = scope.selectFrom('ag_farm').selectAll();
      if (organisationId) q = q.where('organisation_id', '=', organisationId);
      return (await q.orderBy('id').execute()).map(farmOf);
    },
    farmById: async (id: string) => {
      const r = await scope.selectFrom('ag_farm').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? farmOf(r) : undefined;
    },
    farmByOrganisation: async (organisationId: string) => {
      const r = await scope.selectFrom('ag_farm').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
      return r ? farmOf(r) : undefined;
    },
    insertFarm: (row: New<FarmRow>) => scope.insertInto('ag_farm', row).execute(),
    updateFarm: (id: string, set: Partial<New<FarmRow>>) => scope.updateTable('ag_farm').set(set).where('id', '=', id).execute(),
    countFarms: async () => Number((await scope.selectFrom('ag_farm').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),

    areas: async (farmId?: string) => {
      let q = scope.selectFrom('ag_crop_area').selectAll();
      if (farmId) q = q.where('farm_id', '=', farmId);
      return (await q.orderBy('year').orderBy('crop_key').orderBy('management').execute()).map(areaOf);
    },
    areasOfYear: async (farmId: string, year: number) => (await scope.selectFrom('ag_crop_area').selectAll().where('farm_id', '=', farmId).where('year', '=', year).orderBy('crop_key').execute()).map(areaOf),
    replaceAreas: async (farmId: string, year: number, rows: New<CropAreaRow>[]) => {
      await scope.deleteFrom('ag_crop_area').where('farm_id', '=', farmId).where('year', '=', year).execute();
      await insertMany(scope, 'ag_crop_area', rows);
    },
    insertAreas: (rows: New<CropAreaRow>[]) => insertMany(scope, 'ag_crop_area', rows),

    deliveries: async (farmIds?: readonly string[]) => {
      let q = scope.selectFrom('ag_delivery').selectAll();
      if (farmIds) q = farmIds.length ? q.where('farm_id', 'in', [...farmIds]) : q.where('id', '=', '');
      return (await q.orderBy('year').orderBy('month').orderBy('id').execute()).map(deliveryOf);
    },
    async deliveryPage(farmId: string, limit: number, offset: number): Promise<{ total: number; rows: DeliveryRow[] }> {
      const base = scope.selectFrom('ag_delivery').where('farm_id', '=', farmId);
      const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const rows = await base.selectAll().orderBy('year', 'desc').orderBy('month', 'desc').orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();
      return { total, rows: rows.map(deliveryOf) };
    },
    deliveryById: async (id: string) => {
      const r = await scope.selectFrom('ag_delivery').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? deliveryOf(r) : undefined;
    },
    existingClientKeys: async (keys: readonly string[]) => {
      const out = new Set<string>();
      for (let i = 0; i < keys.length; i += 500) {
        const rows = await scope.selectFrom('ag_delivery').select('client_key').where('client_key', 'in', keys.slice(i, i + 500) as string[]).execute();
        for (const r of rows) if (r.client_key) out.add(r.client_key);
      }
      return out;
    },
    insertDeliveries: (rows: New<DeliveryRow>[]) => insertMany(scope, 'ag_delivery', rows),
    deleteDelivery: (id: string) => scope.deleteFrom('ag_delivery').where('id', '=', id).execute(),

    plans: async (farmId?: string) => {
      let q = scope.selectFrom('ag_plan').selectAll();
      if (farmId) q = q.where('farm_id', '=', farmId);
      return (await q.orderBy('target_year').orderBy('id').execute()).map(planOf);
    },
    planById: async (id: string) => {
      const r = await scope.selectFrom('ag_plan').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? planOf(r) : undefined;
    },
    insertPlan: (row: New<PlanRow>) => scope.insertInto('ag_plan', row).execute(),
    updatePlan: (id: string, set: Partial<New<PlanRow>>) => scope.updateTable('ag_plan').set(set).where('id', '=', id).execute(),

    support: async (farmId?: string) => {
      let q = scope.selectFrom('ag_support').selectAll();
      if (farmId) q = q.where('farm_id', '=', farmId);
      return (await q.orderBy('year', 'desc').orderBy('id').execute()).map(supportOf);
    },
    supportById: async (id: string) => {
      const r = await scope.selectFrom('ag_support').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? supportOf(r) : undefined;
    },
    insertSupport: (row: New<SupportRow>) => scope.insertInto('ag_support', row).execute(),
    deleteSupport: (id: string) => scope.deleteFrom('ag_support').where('id', '=', id).execute(),
  };
}
