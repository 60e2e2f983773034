import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type PlotRow = Selectable<DB['land_plot']>;
export type CallRow = Selectable<DB['land_call']>;
export type ApplicationRow = Selectable<DB['land_application']>;
export type DecisionRow = Selectable<DB['land_decision']>;
type New<T> = Omit<T, 'municipality_id'>;
const count = (n: { n: number | string | bigint }) => Number(n.n);

/** All SQL of the business-land domain, always through the tenant scope. */
export function landRepository(scope: TenantScope) {
  return {
    async plots(f: { status?: string }, limit: number, offset: number) {
      let q = scope.selectFrom('land_plot');
      if (f.status) q = q.where('status', '=', f.status);
      const total = count(await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
      return { total, rows: await q.selectAll().orderBy('name').orderBy('id').limit(limit).offset(offset).execute() };
    },
    municipalitySlug: async () => (await scope.db.selectFrom('municipality').select('slug').where('id', '=', scope.municipalityId).executeTakeFirst())?.slug ?? null,
    allPlots: () => scope.selectFrom('land_plot').selectAll().orderBy('name').execute(),
    plotById: (id: string) => scope.selectFrom('land_plot').selectAll().where('id', '=', id).executeTakeFirst(),
    plotByName: (name: string) => scope.selectFrom('land_plot').selectAll().where('name', '=', name).executeTakeFirst(),
    insertPlot: (row: New<PlotRow>) => scope.insertInto('land_plot', row).execute(),
    updatePlot: (id: string, set: Partial<New<PlotRow>>) => scope.updateTable('land_plot').set(set).where('id', '=', id).execute(),

    async calls(f: { status?: string; plotId?: string }, limit: number, offset: number) {
      let q = scope.selectFrom('land_call');
      if (f.status) q = q.where('status', '=', f.status);
      if (f.plotId) q = q.where('plot_id', '=', f.plotId);
      const total = count(await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
      return { total, rows: await q.selectAll().orderBy('deadline', 'desc').orderBy('id').limit(limit).offset(offset).execute() };
    },
    callById: (id: string) => scope.selectFrom('land_call').selectAll().where('id', '=', id).executeTakeFirst(),
    callsOfPlot: (plotId: string) => scope.selectFrom('land_call').selectAll().where('plot_id', '=', plotId).orderBy('deadline', 'desc').execute(),
    insertCall: (row: New<CallRow>) => scope.insertInto('land_call', row).execute(),
    updateCall: (id: string, set: Partial<New<CallRow>>) => scope.updateTable('land_call').set(set).where('id', '=', id).execute(),

    applicationsOf: (callId: string) => scope.selectFrom('land_application').selectAll().where('call_id', '=', callId).orderBy('created_at').orderBy('id').execute(),
    async applications(f: { callId?: string; organisationId?: string }, limit: number, offset: number) {
      let q = scope.selectFrom('land_application');
      if (f.callId) q = q.where('call_id', '=', f.callId);
      if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
      const total = count(await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
      return { total, rows: await q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute() };
    },
    applicationCounts: async () => new Map((await scope.selectFrom('land_application').select(['call_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('call_id').execute()).map((r) => [r.call_id, Number(r.n)])),
    applicationById: (id: string) => scope.selectFrom('land_application').selectAll().where('id', '=', id).executeTakeFirst(),
    applicationOf: (callId: string, organisationId: string) => scope.selectFrom('land_application').selectAll().where('call_id', '=', callId).where('organisation_id', '=', organisationId).executeTakeFirst(),
    insertApplication: (row: New<ApplicationRow>) => scope.insertInto('land_application', row).execute(),

    async decisions(limit: number, offset: number, f: { callId?: string } = {}) {
      let q = scope.selectFrom('land_decision');
      if (f.callId) q = q.where('call_id', '=', f.callId);
      const total = count(await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
      return { total, rows: await q.selectAll().orderBy('decided_on', 'desc').orderBy('id').limit(limit).offset(offset).execute() };
    },
    decisionOf: (callId: string) => scope.selectFrom('land_decision').selectAll().where('call_id', '=', callId).executeTakeFirst(),
    insertDecision: (row: New<DecisionRow>) => scope.insertInto('land_decision', row).execute(),
    /** Every allocation with its plot's area and the application's jobs and profile (for the program figures). */
    allocations: () =>
      scope
        .selectFrom('land_decision')
        .innerJoin('land_plot', 'land_plot.id', 'land_decision.plot_id')
        .innerJoin('land_application', 'land_application.id', 'land_decision.application_id')
        .select(['land_decision.decided_on', 'land_decision.outcome', 'land_plot.area_m2', 'land_application.expected_jobs', 'land_application.certification', 'land_application.green_score'])
        .where('land_decision.outcome', '!=', 'none')
        .orderBy('land_decision.decided_on')
        .execute(),
  };
}
