import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type UnitRow = Selectable<DB['org_unit']>;
export type OrganisationRow = Selectable<DB['organisation']>;

export interface OrganisationFilter {
  q?: string;
  kind?: string;
  industryPrefix?: string;
}

/** All SQL for municipal units and external organisations. */
export function organisationsRepository(scope: TenantScope) {
  const filtered = (f: OrganisationFilter) => {
    let q = scope.selectFrom('organisation');
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.industryPrefix) q = q.where('industry_code', 'like', `${f.industryPrefix}%`);
    if (f.q) {
      const like = `%${f.q.toLowerCase()}%`;
      const digits = f.q.replace(/\s/g, '');
      q = q.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb('org_number', 'like', `${digits}%`), eb(eb.fn('lower', ['place']), 'like', like)]));
    }
    return q;
  };
  return {
    async allUnits(): Promise<UnitRow[]> {
      return scope.selectFrom('org_unit').selectAll().orderBy('name').execute();
    },
    async unitTree(): Promise<{ id: string; parentId: string | null }[]> {
      const rows = await scope.selectFrom('org_unit').select(['id', 'parent_id']).execute();
      return rows.map((r) => ({ id: r.id, parentId: r.parent_id }));
    },
    async unitById(id: string): Promise<UnitRow | undefined> {
      return scope.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async unitByKey(key: string): Promise<UnitRow | undefined> {
      return scope.selectFrom('org_unit').selectAll().where('key', '=', key).executeTakeFirst();
    },
    async insertUnit(row: Omit<UnitRow, 'municipality_id'>): Promise<void> {
      await scope.insertInto('org_unit', row).execute();
    },
    async updateUnit(id: string, patch: Partial<Omit<UnitRow, 'id' | 'municipality_id'>>): Promise<void> {
      await scope.updateTable('org_unit').set(patch).where('id', '=', id).execute();
    },
    async listOrganisations(f: OrganisationFilter, limit: number, offset: number) {
      const rows = await filtered(f).selectAll().orderBy('name').orderBy('id').limit(limit).offset(offset).execute();
      const { n } = await filtered(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { rows, total: Number(n) };
    },
    async organisationById(id: string): Promise<OrganisationRow | undefined> {
      return scope.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async organisationByNumber(orgNumber: string): Promise<OrganisationRow | undefined> {
      return scope.selectFrom('organisation').selectAll().where('org_number', '=', orgNumber).executeTakeFirst();
    },
    async insertOrganisation(row: Omit<OrganisationRow, 'municipality_id'>): Promise<void> {
      await scope.insertInto('organisation', row).execute();
    },
    async updateOrganisation(id: string, patch: Partial<Omit<OrganisationRow, 'id' | 'municipality_id'>>): Promise<void> {
      await scope.updateTable('organisation').set(patch).where('id', '=', id).execute();
    },
    async deleteOrganisation(id: string): Promise<void> {
      await scope.deleteFrom('organisation').where('id', '=', id).execute();
    },
  };
}
