import { parseProgramDefinition, type IndicatorDef, type SourceDef } from '@omstilling/core';
import { AppError, type ErrorDetail } from '../platform/errors.js';
import { nowIso, type Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { programRepository, type ProgramRepository, type ProgramRow, type IndicatorRow } from './program.repository.js';
import { buildProgramView, type ComputedValues, type ProgramView } from './program.view.js';
import { publisherFor } from './program.publishers.js';
import { programPolicy as policy } from './program.policy.js';
import { invalidateProgramCache } from './program.cache.js';

const today = (ctx: Ctx) => nowIso(ctx).slice(0, 10);

export interface ProgramSummary {
  id: string;
  key: string;
  name: { nb: string; en: string };
  startDate: string;
  endDate: string;
}

const summary = (p: ProgramRow): ProgramSummary => ({ id: p.id, key: p.key, name: { nb: p.name_nb, en: p.name_en || p.name_nb }, startDate: p.start_date, endDate: p.end_date });

/** Programs of the municipality; everyone may list them (they are public by nature). */
export async function listPrograms(ctx: Ctx): Promise<ProgramSummary[]> {
  return (await programRepository(ctx.scope).listPrograms()).map(summary);
}

async function findProgram(repo: ProgramRepository, idOrKey: string): Promise<ProgramRow> {
  const p = (await repo.programById(idOrKey)) ?? (await repo.programByKey(idOrKey));
  if (!p) throw AppError.notFound('Programmet');
  return p;
}

/** Asks each computed indicator's domain for its figures. */
async function computedValues(ctx: Ctx, indicators: IndicatorRow[], asOf: string): Promise<ComputedValues> {
  const out: ComputedValues = new Map();
  for (const i of indicators.filter((x) => x.source_kind === 'computed')) {
    const pub = publisherFor(i.source_domain, i.source_metric);
    if (!pub) continue;
    const obs = await pub.compute(ctx, asOf);
    out.set(
      i.id,
      obs.map((o) => ({ id: null, sourceId: i.primary_source_id ?? '', period: o.period, date: o.date, value: o.value, note: o.note ?? null, producedBy: `${pub.domain}: ${pub.producer}`, importFile: null, importLine: null })),
    );
  }
  return out;
}

/** A program with every indicator assessed; anonymous readers get only public indicators. */
export async function getProgramView(ctx: Ctx, idOrKey: string, options: { publicOnly?: boolean; asOf?: string } = {}): Promise<ProgramView> {
  const publicOnly = options.publicOnly ?? !policy.readInternal(ctx.actor);
  const repo = programRepository(ctx.scope);
  const program = await findProgram(repo, idOrKey);
  const rows = await repo.loadRows(program);
  const asOf = options.asOf ?? today(ctx);
  return buildProgramView(rows, asOf, { publicOnly, computed: await computedValues(ctx, rows.indicators, asOf) });
}

// ---------- program definition import ----------

export interface ProgramImportResult {
  programId: string;
  key: string;
  created: number;
  updated: number;
  unchanged: number;
}

const sourceName = (s: SourceDef): string =>
  s.kind === 'entered' ? 'registrert' : s.kind === 'computed' ? `${s.domain}/${s.metric}` : s.kind === 'derived' ? 'formel' : [s.producer, s.dataset].filter(Boolean).join(' – ') || 'åpne data';

const sourceRow = (s: SourceDef) => ({
  kind: s.kind,
  name: sourceName(s),
  producer: s.producer ?? (s.kind === 'entered' ? 'Kommunen (registrert eller importert)' : s.kind === 'computed' ? `Omstilling, domene ${s.domain}` : s.kind === 'derived' ? 'Omstilling (beregnet med formel)' : 'ukjent'),
  method: s.method ?? (s.kind === 'derived' ? `Formel: ${s.formula}` : s.kind === 'computed' ? `Beregnet fra domenets registreringer (${s.metric})` : 'Verdier registrert i skjema eller importert fra regneark'),
  version: s.dataset ?? '',
  limits: s.limits ?? '',
  url: s.url ?? null,
});

/** Whether an update would change anything (only the given fields are compared). */
const differs = (row: Record<string, unknown>, patch: Record<string, unknown>) => Object.entries(patch).some(([k, v]) => row[k] !== v);

/**
 * Loads a program from its data file (see data/programs). Atomic and idempotent: a file with
 * errors writes nothing and reports every problem with its JSON path; loading the same file
 * twice changes nothing. Values are not part of the file; they are entered or imported.
 */
export async function importProgram(ctx: Ctx, json: unknown, fileName: string): Promise<ProgramImportResult> {
  if (!policy.edit(ctx.actor)) throw AppError.forbidden();
  const { program: def, issues } = parseProgramDefinition(json);
  if (!def) throw new AppError('import_failed', `${fileName}: programfilen har ${issues.length} feil; ingenting er lagret`, issues.map((i) => ({ file: fileName, field: i.path, message: i.message })));
  return ctx.scope.transaction(async (scope) => {
    const tctx = { ...ctx, scope };
    const repo = programRepository(scope);
    // Every unit key must exist in this municipality.
    const unitIds = new Map<string, string>();
    const missing: ErrorDetail[] = [];
    const unitKeys = new Set<string>();
    for (const a of def.areas) for (const g of a.goals) {
      if (g.responsibleUnit) unitKeys.add(g.responsibleUnit);
      for (const i of g.indicators) if (i.responsibleUnit) unitKeys.add(i.responsibleUnit);
      for (const ac of g.actions) if (ac.responsibleUnit) unitKeys.add(ac.responsibleUnit);
    }
    for (const i of def.contextIndicators) if (i.responsibleUnit) unitKeys.add(i.responsibleUnit);
    for (const k of unitKeys) {
      const id = await repo.unitIdByKey(k);
      if (id) unitIds.set(k, id);
      else missing.push({ file: fileName, field: 'responsibleUnit', message: `Ukjent enhet «${k}» i denne kommunen` });
    }
    if (missing.length) throw new AppError('import_failed', `${fileName}: ${missing.length} ukjente enheter; ingenting er lagret`, missing);
    const unit = (k: string | null) => (k ? unitIds.get(k)! : null);

    const at = nowIso(ctx);
    const count = { created: 0, updated: 0, unchanged: 0 };
    const track = async (existing: Record<string, unknown> | undefined, patch: Record<string, unknown>, insert: () => Promise<unknown>, update: () => Promise<unknown>) => {
      if (!existing) {
        await insert();
        count.created++;
      } else if (differs(existing, patch)) {
        await update();
        count.updated++;
      } else count.unchanged++;
    };

    const pPatch = { name_nb: def.name.nb, name_en: def.name.en, description_nb: def.description?.nb ?? '', description_en: def.description?.en ?? '', start_date: def.startDate, end_date: def.endDate };
    const program = await repo.programByKey(def.key);
    const programId = program?.id ?? newId();
    await track(program, pPatch, () => repo.insertProgram({ id: programId, key: def.key, ...pPatch, created_at: at, updated_at: at }), () => repo.updateProgram(programId, { ...pPatch, updated_at: at }));

    const upsertIndicator = async (i: IndicatorDef, goalId: string | null, sort: number) => {
      const patch = {
        goal_id: goalId,
        name_nb: i.name.nb,
        name_en: i.name.en,
        description_nb: i.description?.nb ?? '',
        description_en: i.description?.en ?? '',
        unit: i.unit,
        direction: i.direction,
        decimals: i.decimals,
        baseline_value: i.baseline?.value ?? null,
        baseline_date: i.baseline?.date ?? null,
        baseline_note_nb: i.baseline?.note?.nb ?? null,
        baseline_note_en: i.baseline?.note?.en ?? null,
        path: i.path,
        tolerance: i.tolerance,
        reporting_interval: i.reportingInterval,
        responsible_unit_id: unit(i.responsibleUnit),
        visibility: i.visibility,
        source_kind: i.source.kind,
        source_domain: i.source.domain ?? null,
        source_metric: i.source.metric ?? null,
        formula: i.source.formula ?? null,
        planned_source: i.plannedSource ? JSON.stringify(i.plannedSource) : null,
        sort,
      };
      const existing = await repo.indicatorByKey(programId, i.key);
      const id = existing?.id ?? newId();
      await track(existing, patch, () => repo.insertIndicator({ id, program_id: programId, key: i.key, ...patch, primary_source_id: null, created_at: at, updated_at: at }), () => repo.updateIndicator(id, { ...patch, updated_at: at }));
      const targets = i.targets.map((t) => ({ id: newId(), indicator_id: id, date: t.date, value: t.value, label_nb: t.label?.nb ?? null, label_en: t.label?.en ?? null }));
      const oldTargets = (await repo.targetsOf(id)).map((t) => [t.date, t.value, t.label_nb, t.label_en].join('|')).join(';');
      if (oldTargets !== targets.map((t) => [t.date, t.value, t.label_nb, t.label_en].join('|')).join(';')) {
        await repo.replaceTargets(id, targets);
        if (existing) count.updated++;
      }
      // The indicator's own source; other sources (open data…) are added beside it later.
      const s = sourceRow(i.source);
      const src = await repo.sourceByName(id, s.name);
      const sourceId = src?.id ?? newId();
      if (!src) await repo.insertSource({ id: sourceId, indicator_id: id, ...s, created_at: at });
      else if (differs(src, s)) await repo.updateSource(sourceId, s);
      // The file's source becomes the indicator's own when the indicator is new or its kind changed;
      // an own source chosen later (say, Statistics Norway's series) survives a reload of the file.
      if (!existing || !existing.primary_source_id || existing.source_kind !== i.source.kind) await repo.updateIndicator(id, { primary_source_id: sourceId });
    };

    let sort = 0;
    for (const i of def.contextIndicators) await upsertIndicator(i, null, sort++);
    for (const [ai, a] of def.areas.entries()) {
      const aPatch = { title_nb: a.title.nb, title_en: a.title.en, description_nb: a.description?.nb ?? '', description_en: a.description?.en ?? '', sort: ai };
      const area = await repo.areaByCode(programId, a.code);
      const areaId = area?.id ?? newId();
      await track(area, aPatch, () => repo.insertArea({ id: areaId, program_id: programId, code: a.code, ...aPatch }), () => repo.updateArea(areaId, aPatch));
      for (const g of a.goals) {
        const gPatch = { area_id: areaId, title_nb: g.title.nb, title_en: g.title.en, text_nb: g.text.nb, text_en: g.text.en, responsible_unit_id: unit(g.responsibleUnit), served_by: JSON.stringify(g.servedBy), sort: sort++ };
        const goal = await repo.goalByCode(programId, g.code);
        const goalId = goal?.id ?? newId();
        await track(goal, gPatch, () => repo.insertGoal({ id: goalId, program_id: programId, code: g.code, ...gPatch }), () => repo.updateGoal(goalId, gPatch));
        for (const i of g.indicators) await upsertIndicator(i, goalId, sort++);
        for (const ac of g.actions) {
          const acPatch = {
            goal_id: goalId,
            title_nb: ac.title.nb,
            title_en: ac.title.en,
            description_nb: ac.description?.nb ?? '',
            description_en: ac.description?.en ?? '',
            status: ac.status,
            start_date: ac.startDate,
            end_date: ac.endDate,
            budget_ore: ac.budgetNok === null ? null : Math.round(ac.budgetNok * 100),
            responsible_unit_id: unit(ac.responsibleUnit),
            indicator_keys: JSON.stringify(ac.indicators),
          };
          const action = await repo.actionByKey(programId, ac.key);
          const actionId = action?.id ?? newId();
          await track(action, acPatch, () => repo.insertAction({ id: actionId, program_id: programId, key: ac.key, ...acPatch, created_at: at, updated_at: at }), () => repo.updateAction(actionId, { ...acPatch, updated_at: at }));
          const logs = action ? await repo.logsOf(actionId) : [];
          for (const l of ac.log) {
            if (logs.some((x) => x.date === l.date && x.text_nb === l.text.nb)) continue;
            await repo.insertLog({ id: newId(), action_id: actionId, date: l.date, kind: l.kind, text_nb: l.text.nb, text_en: l.text.en, case_number: l.caseNumber, author_label: `programfil ${fileName}`, created_at: at });
            count.created++;
          }
        }
      }
    }
    if (count.created || count.updated) {
      await recordAudit(tctx, { action: 'import', entityType: 'program', entityId: programId, summary: `Program «${def.name.nb}» lastet fra ${fileName}: ${count.created} nye, ${count.updated} endret`, after: { key: def.key, ...count } });
      invalidateProgramCache(ctx.scope.municipalityId);
    }
    return { programId, key: def.key, ...count };
  });
}

