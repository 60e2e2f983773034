import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type ProgramRow = Selectable<DB['program']>;
export type AreaRow = Selectable<DB['program_area']>;
export type GoalRow = Selectable<DB['program_goal']>;
export type IndicatorRow = Selectable<DB['indicator']>;
export type TargetRow = Selectable<DB['indicator_target']>;
export type SourceRow = Selectable<DB['indicator_source']>;
export type ValueRow = Selectable<DB['indicator_value']>;
export type ActionRow = Selectable<DB['program_action']>;
export type ActionLogRow = Selectable<DB['action_log']>;

type NoTenant<T> = Omit<T, 'municipality_id'>;

/** Every row of one program, read in a fixed number of queries (no N+1). */
export interface ProgramRows {
  program: ProgramRow;
  areas: AreaRow[];
  goals: GoalRow[];
  indicators: IndicatorRow[];
  targets: TargetRow[];
  sources: SourceRow[];
  values: ValueRow[];
  actions: ActionRow[];
  logs: ActionLogRow[];
  units: { id: string; name: string }[];
}

/** All SQL of the program domain. */
export function programRepository(scope: TenantScope) {
  return {
    listPrograms: () => scope.selectFrom('program').selectAll().orderBy('start_date', 'desc').execute(),
    programById: (id: string) => scope.selectFrom('program').selectAll().where('id', '=', id).executeTakeFirst(),
    programByKey: (key: string) => scope.selectFrom('program').selectAll().where('key', '=', key).executeTakeFirst(),

    async loadRows(program: ProgramRow): Promise<ProgramRows> {
      const pid = program.id;
      const [areas, goals, indicators, actions, units] = await Promise.all([
        scope.selectFrom('program_area').selectAll().where('program_id', '=', pid).orderBy('sort').execute(),
        scope.selectFrom('program_goal').selectAll().where('program_id', '=', pid).orderBy('sort').execute(),
        scope.selectFrom('indicator').selectAll().where('program_id', '=', pid).orderBy('sort').execute(),
        scope.selectFrom('program_action').selectAll().where('program_id', '=', pid).orderBy('key').execute(),
        scope.selectFrom('org_unit').select(['id', 'name']).execute(),
      ]);
      const ids = indicators.map((i) => i.id);
      const actionIds = actions.map((a) => a.id);
      const [targets, sources, values, logs] = await Promise.all([
        ids.length ? scope.selectFrom('indicator_target').selectAll().where('indicator_id', 'in', ids).orderBy('date').execute() : [],
        ids.length ? scope.selectFrom('indicator_source').selectAll().where('indicator_id', 'in', ids).orderBy('created_at').execute() : [],
        ids.length ? scope.selectFrom('indicator_value').selectAll().where('indicator_id', 'in', ids).orderBy('date').execute() : [],
        actionIds.length ? scope.selectFrom('action_log').selectAll().where('action_id', 'in', actionIds).orderBy('date', 'desc').orderBy('created_at', 'desc').execute() : [],
      ]);
      return { program, areas, goals, indicators, targets, sources, values, actions, logs, units };
    },

    indicatorById: (id: string) => scope.selectFrom('indicator').selectAll().where('id', '=', id).executeTakeFirst(),
    indicatorsOfProgram: (programId: string) => scope.selectFrom('indicator').selectAll().where('program_id', '=', programId).execute(),
    sourceById: (id: string) => scope.selectFrom('indicator_source').selectAll().where('id', '=', id).executeTakeFirst(),
    sourcesOf: (indicatorId: string) => scope.selectFrom('indicator_source').selectAll().where('indicator_id', '=', indicatorId).execute(),
    valueById: (id: string) => scope.selectFrom('indicator_value').selectAll().where('id', '=', id).executeTakeFirst(),
    valueAt: (sourceId: string, date: string) => scope.selectFrom('indicator_value').selectAll().where('source_id', '=', sourceId).where('date', '=', date).executeTakeFirst(),
    actionById: (id: string) => scope.selectFrom('program_action').selectAll().where('id', '=', id).executeTakeFirst(),
    goalById: (id: string) => scope.selectFrom('program_goal').selectAll().where('id', '=', id).executeTakeFirst(),

    insertProgram: (r: NoTenant<ProgramRow>) => scope.insertInto('program', r).execute(),
    updateProgram: (id: string, p: Partial<NoTenant<ProgramRow>>) => scope.updateTable('program').set(p).where('id', '=', id).execute(),
    areaByCode: (pid: string, code: string) => scope.selectFrom('program_area').selectAll().where('program_id', '=', pid).where('code', '=', code).executeTakeFirst(),
    insertArea: (r: NoTenant<AreaRow>) => scope.insertInto('program_area', r).execute(),
    updateArea: (id: string, p: Partial<NoTenant<AreaRow>>) => scope.updateTable('program_area').set(p).where('id', '=', id).execute(),
    goalByCode: (pid: string, code: string) => scope.selectFrom('program_goal').selectAll().where('program_id', '=', pid).where('code', '=', code).executeTakeFirst(),
    insertGoal: (r: NoTenant<GoalRow>) => scope.insertInto('program_goal', r).execute(),
    updateGoal: (id: string, p: Partial<NoTenant<GoalRow>>) => scope.updateTable('program_goal').set(p).where('id', '=', id).execute(),
    indicatorByKey: (pid: string, key: string) => scope.selectFrom('indicator').selectAll().where('program_id', '=', pid).where('key', '=', key).executeTakeFirst(),
    insertIndicator: (r: NoTenant<IndicatorRow>) => scope.insertInto('indicator', r).execute(),
    updateIndicator: (id: string, p: Partial<NoTenant<IndicatorRow>>) => scope.updateTable('indicator').set(p).where('id', '=', id).execute(),
    targetsOf: (indicatorId: string) => scope.selectFrom('indicator_target').selectAll().where('indicator_id', '=', indicatorId).orderBy('date').execute(),
    replaceTargets: async (indicatorId: string, rows: NoTenant<TargetRow>[]) => {
      await scope.deleteFrom('indicator_target').where('indicator_id', '=', indicatorId).execute();
      if (rows.length) await scope.insertInto('indicator_target', rows).execute();
    },
    sourceByName: (indicatorId: string, name: string) => scope.selectFrom('indicator_source').selectAll().where('indicator_id', '=', indicatorId).where('name', '=', name).executeTakeFirst(),
    insertSource: (r: NoTenant<SourceRow>) => scope.insertInto('indicator_source', r).execute(),
    updateSource: (id: string, p: Partial<NoTenant<SourceRow>>) => scope.updateTable('indicator_source').set(p).where('id', '=', id).execute(),
    insertValue: (r: NoTenant<ValueRow>) => scope.insertInto('indicator_value', r).execute(),
    updateValue: (id: string, p: Partial<NoTenant<ValueRow>>) => scope.updateTable('indicator_value').set(p).where('id', '=', id).execute(),
    deleteValue: (id: string) => scope.deleteFrom('indicator_value').where('id', '=', id).execute(),
    actionByKey: (pid: string, key: string) => scope.selectFrom('program_action').selectAll().where('program_id', '=', pid).where('key', '=', key).executeTakeFirst(),
    insertAction: (r: NoTenant<ActionRow>) => scope.insertInto('program_action', r).execute(),
    updateAction: (id: string, p: Partial<NoTenant<ActionRow>>) => scope.updateTable('program_action').set(p).where('id', '=', id).execute(),
    logsOf: (actionId: string) => scope.selectFrom('action_log').selectAll().where('action_id', '=', actionId).execute(),
    insertLog: (r: NoTenant<ActionLogRow>) => scope.insertInto('action_log', r).execute(),
    unitIdByKey: async (key: string) => (await scope.selectFrom('org_unit').select('id').where('key', '=', key).executeTakeFirst())?.id ?? null,
  };
}

export type ProgramRepository = ReturnType<typeof programRepository>;
