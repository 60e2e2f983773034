import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type PlaceRow = Selectable<DB['appr_place']>;
type New<T> = Omit<T, 'municipality_id'>;

/** Which places a list shows. */
export interface PlaceFilter {
  status?: string;
  tradeKey?: string;
  holder?: 'unit' | 'organisation';
  unitIds?: readonly string[];
  organisationId?: string;
  activeOn?: string;
}

/** All SQL of the apprenticeship domain, always through the tenant scope. */
export function apprenticeshipsRepository(scope: TenantScope) {
  const filtered = (f: PlaceFilter) => {
    let q = scope.selectFrom('appr_place');
    if (f.status) q = q.where('status', '=', f.status);
    if (f.tradeKey) q = q.where('trade_key', '=', f.tradeKey);
    if (f.holder === 'unit') q = q.where('unit_id', 'is not', null);
    if (f.holder === 'organisation') q = q.where('organisation_id', 'is not', null);
    if (f.unitIds) q = f.unitIds.length ? q.where('unit_id', 'in', [...f.unitIds]) : q.where('id', '=', '');
    if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
    if (f.activeOn) q = q.where('status', '!=', 'open').where('start_date', '<=', f.activeOn).where((eb) => eb.or([eb.and([eb('status', '=', 'dropped_out'), eb('closed_on', '>=', f.activeOn!)]), eb.and([eb('status', '!=', 'dropped_out'), eb('end_date', '>=', f.activeOn!)])]));
    return q;
  };
  return {
    all: () => scope.selectFrom('appr_place').selectAll().orderBy('start_date').orderBy('id').execute(),
    async page(f: PlaceFilter, limit: number, offset: number): Promise<{ total: number; rows: PlaceRow[] }> {
      const total = Number((await filtered(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const rows = await filtered(f).selectAll().orderBy('start_date', 'desc').orderBy('id').limit(limit).offset(offset).execute();
      return { total, rows };
    },
    byId: (id: string) => scope.selectFrom('appr_place').selectAll().where('id', '=', id).executeTakeFirst(),
    byContract: (ref: string) => scope.selectFrom('appr_place').selectAll().where('contract_ref', '=', ref).executeTakeFirst(),
    insert: async (rows: New<PlaceRow>[]) => {
      for (let i = 0; i < rows.length; i += 200) await scope.insertInto('appr_place', rows.slice(i, i + 200)).execute();
    },
    update: (id: string, set: Partial<New<PlaceRow>>) => scope.updateTable('appr_place').set(set).where('id', '=', id).execute(),
    count: async () => Number((await scope.selectFrom('appr_place').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  };
}
