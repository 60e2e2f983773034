import {
  assess,
  deriveSeries,
  dueDate,
  expectedValue,
  parseFormula,
  rollUp,
  STATUS_RULES,
  STATUS_RULE_TEXT,
  summarise,
  type ActionView,
  type AreaView,
  type GoalView,
  type IndicatorSpec,
  type IndicatorSummary,
  type IndicatorView,
  type Localized,
  type Observation,
  type ProgramSummaryView,
  type ProgramView,
  type ReportingInterval,
  type ValueView,
} from '@omstilling/core';
import type { ProgramRows, IndicatorRow, ValueRow } from './program.repository.js';

export type { ActionView, AreaView, GoalView, IndicatorSummary, IndicatorView, ProgramSummaryView, ProgramView, SourceView, ValueView } from '@omstilling/core';


const L = (nb: string | null | undefined, en: string | null | undefined): Localized => ({ nb: nb ?? '', en: en || nb || '' });

/** Observations published by computed domains, keyed by indicator id. */
export type ComputedValues = Map<string, ValueView[]>;

function specOf(i: IndicatorRow, targets: ProgramRows['targets']): IndicatorSpec {
  return {
    direction: i.direction as IndicatorSpec['direction'],
    baseline: i.baseline_value !== null && i.baseline_date ? { value: i.baseline_value, date: i.baseline_date } : null,
    targets: targets.filter((t) => t.indicator_id === i.id).map((t) => ({ date: t.date, value: t.value })),
    path: i.path as IndicatorSpec['path'],
    tolerance: i.tolerance,
    reportingInterval: i.reporting_interval as ReportingInterval,
  };
}

const valueView = (v: ValueRow): ValueView => ({ id: v.id, sourceId: v.source_id, period: v.period, date: v.date, value: v.value, note: v.note, producedBy: v.produced_by_label, importFile: v.import_file, importLine: v.import_line });

/**
 * Assembles a program with every indicator assessed at asOf: the figures come from the
 * indicator's primary source (entered values, a domain's published values, or a formula).
 */
export function buildProgramView(rows: ProgramRows, asOf: string, options: { publicOnly: boolean; computed: ComputedValues }): ProgramView {
  const unitName = new Map(rows.units.map((u) => [u.id, u.name]));
  const unit = (id: string | null) => (id ? { id, name: unitName.get(id) ?? '' } : null);
  const goalCode = new Map(rows.goals.map((g) => [g.id, g.code]));
  const visible = rows.indicators.filter((i) => !options.publicOnly || i.visibility === 'public');

  // Values of the primary source for every indicator, before derived ones are computed.
  const seriesById = new Map<string, ValueView[]>();
  for (const i of rows.indicators) {
    if (i.source_kind === 'computed') seriesById.set(i.id, options.computed.get(i.id) ?? []);
    else seriesById.set(i.id, rows.values.filter((v) => v.indicator_id === i.id && v.source_id === i.primary_source_id).map(valueView));
  }
  const byKey = new Map(rows.indicators.map((i) => [i.key, i]));
  for (const i of rows.indicators) {
    if (i.source_kind !== 'derived' || !i.formula) continue;
    const ast = parseFormula(i.formula);
    const inputs: Record<string, Observation[]> = {};
    const intervals: Record<string, ReportingInterval> = {};
    for (const [key, ref] of byKey) {
      inputs[key] = (seriesById.get(ref.id) ?? []).map((v) => ({ date: v.date, value: v.value }));
      intervals[key] = ref.reporting_interval as ReportingInterval;
    }
    const derived = deriveSeries(ast, inputs, intervals);
    seriesById.set(
      i.id,
      derived.map((o) => ({ id: null, sourceId: i.primary_source_id ?? '', period: o.date.slice(0, 4), date: o.date, value: o.value, note: null, producedBy: `formel: ${i.formula}`, importFile: null, importLine: null })),
    );
  }

  // Residents see which unit or system produced a figure, never staff e-mail addresses.
  const who = (label: string) => (options.publicOnly ? label.replace(/\s*<[^>]*>/, '') : label);
  const indicatorView = (i: IndicatorRow): IndicatorView => {
    const spec = specOf(i, rows.targets);
    const values = seriesById.get(i.id) ?? [];
    const assessment = assess(spec, values, asOf);
    const latest = values.filter((v) => v.date <= asOf).at(-1) ?? null;
    const pathDates = [spec.baseline?.date, ...spec.targets.map((t) => t.date), asOf].filter((d): d is string => !!d).sort();
    const pathPoints = pathDates.flatMap((d) => {
      const v = expectedValue(spec, d);
      return v === null ? [] : [{ date: d, value: v }];
    });
    const planned = i.planned_source ? (JSON.parse(i.planned_source) as { domain?: string }) : null;
    return {
      id: i.id,
      key: i.key,
      goalCode: i.goal_id ? (goalCode.get(i.goal_id) ?? null) : null,
      name: L(i.name_nb, i.name_en),
      description: L(i.description_nb, i.description_en),
      unit: i.unit,
      direction: i.direction as 'increase' | 'decrease',
      decimals: i.decimals,
      baseline: spec.baseline ? { ...spec.baseline, note: i.baseline_note_nb ? L(i.baseline_note_nb, i.baseline_note_en) : null } : null,
      targets: rows.targets.filter((t) => t.indicator_id === i.id).map((t) => ({ date: t.date, value: t.value, label: t.label_nb ? L(t.label_nb, t.label_en) : null })),
      path: spec.path,
      tolerance: spec.tolerance,
      reportingInterval: spec.reportingInterval,
      responsibleUnit: unit(i.responsible_unit_id),
      visibility: i.visibility as 'public' | 'internal',
      source: i.source_kind as IndicatorView['source'],
      domain: i.source_domain,
      metric: i.source_metric,
      formula: i.formula,
      plannedDomain: planned?.domain ?? null,
      sources: rows.sources.filter((s) => s.indicator_id === i.id).map((s) => ({ id: s.id, kind: s.kind, name: s.name, producer: s.producer, method: s.method, version: s.version, limits: s.limits, url: s.url, primary: s.id === i.primary_source_id })),
      values: options.publicOnly ? values.map((v) => ({ ...v, producedBy: who(v.producedBy) })) : [...values, ...rows.values.filter((v) => v.indicator_id === i.id && v.source_id !== i.primary_source_id).map(valueView)],
      latestValue: latest?.value ?? null,
      latestPeriod: latest?.period ?? null,
      latestDate: latest?.date ?? null,
      nextDue: latest ? dueDate(latest.date, spec.reportingInterval) : spec.baseline ? dueDate(spec.baseline.date, spec.reportingInterval) : null,
      status: assessment.status,
      assessment,
      pathPoints,
    };
  };

  const yearAgo = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
  const areas: AreaView[] = rows.areas.map((a) => {
    const goals: GoalView[] = rows.goals
      .filter((g) => g.area_id === a.id)
      .map((g) => {
        const indicators = visible.filter((i) => i.goal_id === g.id).map(indicatorView);
        const actions: ActionView[] = rows.actions
          .filter((ac) => ac.goal_id === g.id)
          .map((ac) => {
            const log = rows.logs.filter((l) => l.action_id === ac.id).map((l) => ({ id: l.id, date: l.date, kind: l.kind, text: L(l.text_nb, l.text_en), caseNumber: l.case_number, author: who(l.author_label) }));
            const keys: string[] = JSON.parse(ac.indicator_keys);
            const lacks: ActionView['lacks'] = [];
            if (!ac.responsible_unit_id) lacks.push('responsible_unit');
            if (!keys.length) lacks.push('indicator');
            if ((ac.status === 'planned' || ac.status === 'in_progress') && !log.some((l) => l.date >= yearAgo)) lacks.push('recent_update');
            return {
              id: ac.id,
              key: ac.key,
              goalCode: g.code,
              title: L(ac.title_nb, ac.title_en),
              description: L(ac.description_nb, ac.description_en),
              status: ac.status,
              startDate: ac.start_date,
              endDate: ac.end_date,
              budgetNok: ac.budget_ore === null ? null : ac.budget_ore / 100,
              responsibleUnit: unit(ac.responsible_unit_id),
              indicatorKeys: keys,
              log,
              lacks,
            };
          });
        const statuses = indicators.map((i) => i.status);
        return { id: g.id, code: g.code, title: L(g.title_nb, g.title_en), text: L(g.text_nb, g.text_en), responsibleUnit: unit(g.responsible_unit_id), servedBy: JSON.parse(g.served_by), status: rollUp(statuses), statusCounts: summarise(statuses), indicators, actions };
      });
    const statuses = goals.map((g) => g.status);
    return { id: a.id, code: a.code, title: L(a.title_nb, a.title_en), description: L(a.description_nb, a.description_en), status: rollUp(statuses), statusCounts: summarise(goals.flatMap((g) => g.indicators.map((i) => i.status))), goals };
  });
  const all = areas.flatMap((a) => a.goals.flatMap((g) => g.indicators.map((i) => i.status)));
  const p = rows.program;
  return {
    id: p.id,
    key: p.key,
    name: L(p.name_nb, p.name_en),
    description: L(p.description_nb, p.description_en),
    startDate: p.start_date,
    endDate: p.end_date,
    asOf,
    status: rollUp(areas.map((a) => a.status)),
    statusCounts: summarise(all),
    areas,
    contextIndicators: visible.filter((i) => i.goal_id === null).map(indicatorView),
    rules: { text: STATUS_RULE_TEXT, numbers: STATUS_RULES },
  };
}

// ---------- the public summary: what the public overview needs, small enough for phones ----------

const summariseIndicator = (i: IndicatorView): IndicatorSummary => {
  const t = i.targets.at(-1);
  return {
    id: i.id,
    key: i.key,
    name: i.name,
    unit: i.unit,
    decimals: i.decimals,
    direction: i.direction,
    status: i.status,
    reason: i.assessment.reason,
    latestValue: i.latestValue,
    latestPeriod: i.latestPeriod,
    baseline: i.baseline ? { date: i.baseline.date, value: i.baseline.value } : null,
    finalTarget: t ? { date: t.date, value: t.value } : null,
    series: i.values.filter((v) => v.sourceId === i.sources.find((s) => s.primary)?.id || v.id === null).map((v) => [v.date, v.value]),
    source: i.source,
    domain: i.domain ?? i.plannedDomain,
  };
};

/** The program without value provenance, action logs and long texts: the public overview's payload. */
export function summariseProgramView(v: ProgramView): ProgramSummaryView {
  return {
    id: v.id,
    key: v.key,
    name: v.name,
    description: v.description,
    startDate: v.startDate,
    endDate: v.endDate,
    asOf: v.asOf,
    status: v.status,
    statusCounts: v.statusCounts,
    rules: v.rules,
    areas: v.areas.map((a) => ({
      code: a.code,
      title: a.title,
      status: a.status,
      statusCounts: a.statusCounts,
      goals: a.goals.map((g) => ({
        code: g.code,
        title: g.title,
        status: g.status,
        statusCounts: g.statusCounts,
        responsibleUnit: g.responsibleUnit?.name ?? null,
        actionCounts: g.actions.reduce<Record<string, number>>((acc, ac) => ({ ...acc, [ac.status]: (acc[ac.status] ?? 0) + 1 }), {}),
        indicators: g.indicators.map(summariseIndicator),
      })),
    })),
    contextIndicators: v.contextIndicators.map(summariseIndicator),
  };
}
