import type { Indicator, IndicatorSummary, ValueView } from './types';

/**
 * A period label for a value date, in the style of the indicator's latest period (2025,
 * 2025-Q3 or 2025-07): the summary gives dates only. Anything else keeps the date.
 */
function periodLabeller(latestPeriod: string | null): (date: string) => string {
  if (latestPeriod && /^\d{4}$/.test(latestPeriod)) return (d) => d.slice(0, 4);
  if (latestPeriod && /^\d{4}-Q[1-4]$/.test(latestPeriod)) return (d) => `${d.slice(0, 4)}-Q${Math.ceil(Number(d.slice(5, 7)) / 3)}`;
  if (latestPeriod && /^\d{4}-\d{2}$/.test(latestPeriod)) return (d) => d.slice(0, 7);
  return (d) => d;
}

/**
 * An indicator of the public summary in the shape the charts and texts take. The summary has
 * no path, intermediate targets, projection or provenance: those stay empty (the point's own
 * page has them), so nothing is drawn or said that the summary cannot back.
 */
export function indicatorFromSummary(s: IndicatorSummary): Indicator {
  const periodOf = periodLabeller(s.latestPeriod);
  const values: ValueView[] = s.series.map(([date, value]) => ({ id: null, sourceId: 'primary', period: periodOf(date), date, value, note: null, producedBy: '', importFile: null, importLine: null }));
  const expected = s.reason.params.expected;
  return {
    id: s.id,
    key: s.key,
    goalCode: null,
    name: s.name,
    description: { nb: '', en: '' },
    unit: s.unit,
    direction: s.direction,
    decimals: s.decimals,
    baseline: s.baseline ? { ...s.baseline, note: null } : null,
    targets: s.finalTarget ? [{ ...s.finalTarget, label: null }] : [],
    path: 'linear',
    tolerance: 0,
    reportingInterval: 'yearly',
    responsibleUnit: null,
    visibility: 'public',
    source: s.source,
    domain: s.domain,
    metric: null,
    formula: null,
    plannedDomain: null,
    sources: [],
    values,
    latestValue: s.latestValue,
    latestPeriod: s.latestPeriod,
    latestDate: s.series.at(-1)?.[0] ?? null,
    nextDue: null,
    status: s.status,
    assessment: { status: s.status, reason: s.reason, expected: typeof expected === 'number' ? expected : null, latest: null, projection: null, nextTarget: s.finalTarget, gap: null },
    pathPoints: [],
  };
}
