import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type VentureRow = Selectable<DB['ent_venture']>;
export type EngagementRow = Selectable<DB['ent_engagement']>;
export type YouthRow = Selectable<DB['ent_youth_company']>;
export type MemberRow = Selectable<DB['ent_cluster_member']>;
export type EventRow = Selectable<DB['ent_cluster_event']>;
export type ProjectRow = Selectable<DB['ent_cluster_project']>;
type New<T> = Omit<T, 'municipality_id'>;

/** The SQL of the register, the youth companies and the cluster, always through the tenant scope. */
export function registerRepository(scope: TenantScope) {
  const ventures = (f: { kind?: string; q?: string }) => {
    let q = scope.selectFrom('ent_venture');
    if (f.kind) q = f.kind === 'green' || f.kind === 'social' ? q.where('kind', 'in', [f.kind, 'both']) : q.where('kind', '=', f.kind);
    if (f.q) q = q.where((eb) => eb.or([eb('name', 'like', `%${f.q}%`), eb('org_number', '=', f.q!.replace(/\s/g, ''))]));
    return q;
  };
  const youth = (f: { year?: number }) => {
    let q = scope.selectFrom('ent_youth_company');
    if (f.year) q = q.where('year', '=', f.year);
    return q;
  };
  return {
    async venturePage(f: { kind?: string; q?: string }, limit: number, offset: number) {
      const total = Number((await ventures(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const rows = await ventures(f).selectAll().orderBy('name').orderBy('id').limit(limit).offset(offset).execute();
      return { total, rows };
    },
    allVentures: () => scope.selectFrom('ent_venture').selectAll().orderBy('name').execute(),
    ventureById: (id: string) => scope.selectFrom('ent_venture').selectAll().where('id', '=', id).executeTakeFirst(),
    ventureByOrgNumber: (nr: string) => scope.selectFrom('ent_venture').selectAll().where('org_number', '=', nr).executeTakeFirst(),
    ventureByName: (name: string) => scope.selectFrom('ent_venture').selectAll().where('name', '=', name).executeTakeFirst(),
    insertVenture: (row: New<VentureRow>) => scope.insertInto('ent_venture', row).execute(),
    updateVenture: (id: string, set: Partial<New<VentureRow>>) => scope.updateTable('ent_venture').set(set).where('id', '=', id).execute(),
    engagements: (ventureIds?: readonly string[]) => {
      let q = scope.selectFrom('ent_engagement').selectAll();
      if (ventureIds) q = ventureIds.length ? q.where('venture_id', 'in', [...ventureIds]) : q.where('id', '=', '');
      return q.orderBy('start_date', 'desc').orderBy('id').execute();
    },
    insertEngagement: (row: New<EngagementRow>) => scope.insertInto('ent_engagement', row).execute(),
    engagementByApplication: (applicationId: string) => scope.selectFrom('ent_engagement').selectAll().where('application_id', '=', applicationId).executeTakeFirst(),
    tenders: () => scope.selectFrom('pr_tender').select(['id', 'reference', 'title', 'status']).orderBy('reference', 'desc').execute(),
    tenderById: (id: string) => scope.selectFrom('pr_tender').select(['id', 'reference', 'title']).where('id', '=', id).executeTakeFirst(),
    grantedApplications: () => scope.selectFrom('ent_application').select(['id', 'title', 'organisation_id', 'granted_ore', 'decided_at', 'state']).where('state', 'in', ['granted', 'reported']).orderBy('decided_at', 'desc').execute(),

    async youthPage(f: { year?: number }, limit: number, offset: number) {
      const total = Number((await youth(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const rows = await youth(f).selectAll().orderBy('year', 'desc').orderBy('name').orderBy('id').limit(limit).offset(offset).execute();
      return { total, rows };
    },
    allYouth: () => scope.selectFrom('ent_youth_company').selectAll().execute(),
    youthById: (id: string) => scope.selectFrom('ent_youth_company').selectAll().where('id', '=', id).executeTakeFirst(),
    youthByYearName: (year: number, name: string) => scope.selectFrom('ent_youth_company').selectAll().where('year', '=', year).where('name', '=', name).executeTakeFirst(),
    insertYouth: async (rows: New<YouthRow>[]) => {
      for (let i = 0; i < rows.length; i += 100) await scope.insertInto('ent_youth_company', rows.slice(i, i + 100)).execute();
    },
    updateYouth: (id: string, set: Partial<New<YouthRow>>) => scope.updateTable('ent_youth_company').set(set).where('id', '=', id).execute(),

    members: () => scope.selectFrom('ent_cluster_member').selectAll().orderBy('joined_on').orderBy('id').execute(),
    memberById: (id: string) => scope.selectFrom('ent_cluster_member').selectAll().where('id', '=', id).executeTakeFirst(),
    memberByOrganisation: (organisationId: string) => scope.selectFrom('ent_cluster_member').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst(),
    insertMember: (row: New<MemberRow>) => scope.insertInto('ent_cluster_member', row).execute(),
    updateMember: (id: string, set: Partial<New<MemberRow>>) => scope.updateTable('ent_cluster_member').set(set).where('id', '=', id).execute(),
    events: () => scope.selectFrom('ent_cluster_event').selectAll().orderBy('date', 'desc').orderBy('id').execute(),
    insertEvent: (row: New<EventRow>) => scope.insertInto('ent_cluster_event', row).execute(),
    projects: () => scope.selectFrom('ent_cluster_project').selectAll().orderBy('start_date', 'desc').orderBy('id').execute(),
    insertProject: (row: New<ProjectRow>) => scope.insertInto('ent_cluster_project', row).execute(),

    organisations: () => scope.selectFrom('organisation').select(['id', 'name', 'org_number', 'kind', 'industry_code', 'employees', 'website', 'place']).orderBy('name').execute(),
    organisationByNumber: (nr: string) => scope.selectFrom('organisation').select(['id', 'name']).where('org_number', '=', nr).executeTakeFirst(),
    organisationById: (id: string) => scope.selectFrom('organisation').select(['id', 'name', 'industry_code']).where('id', '=', id).executeTakeFirst(),
    schools: () => scope.selectFrom('org_unit').select(['id', 'name']).where('type', '=', 'school').orderBy('name').execute(),
    unitById: (id: string) => scope.selectFrom('org_unit').select(['id', 'name', 'type']).where('id', '=', id).executeTakeFirst(),
  };
}
