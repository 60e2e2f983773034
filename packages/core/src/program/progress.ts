import type {
  Assessment,
  IndicatorSpec,
  Observation,
  Projection,
  ReasonCode,
  ReportingInterval,
  Status,
  Target,
} from './types.js';
import { addMonths, toMs, toYears } from './dates.js';

/** The numbers behind the status rule, exported so the public page can explain them. */
export const STATUS_RULES = {
  /** Calendar months in one reporting interval. */
  monthsPerInterval: { yearly: 12, quarterly: 3, monthly: 1 },
  /** The next value is due this many intervals after the latest value's period end. */
  dueAfterIntervals: 1,
  /** A value older than this many intervals (one interval plus one interval's grace) no longer counts: status no_data. */
  staleAfterIntervals: 2,
  /** Tolerance is a fraction of |final target − baseline|; behind the path by at most that is at_risk, further is off_track. */
  toleranceBasis: 'final_target_minus_baseline',
  /** Roll-up order, worst first; no_data is ignored unless everything is no_data. */
  severity: ['off_track', 'at_risk', 'on_track'],
} as const satisfies {
  monthsPerInterval: Record<ReportingInterval, number>;
  dueAfterIntervals: number;
  staleAfterIntervals: number;
  toleranceBasis: string;
  severity: readonly Status[];
};

/** Plain-language statement of the status rule, for the public page (Norwegian bokmål and English). */
export const STATUS_RULE_TEXT = {
  nb:
    'I rute: siste målte verdi ligger på eller foran banen fra utgangsverdien til målet, eller sluttmålet er allerede nådd. ' +
    'I fare: verdien ligger bak banen, men ikke mer enn indikatorens toleranse (en andel, for eksempel 10 %, av avstanden fra utgangsverdien til sluttmålet). ' +
    'Ikke i rute: verdien ligger lenger bak banen enn toleransen. ' +
    'Mangler data: indikatoren har ingen verdier, mangler utgangsverdi eller mål, eller siste verdi er eldre enn to rapporteringsperioder ' +
    '(for årlige indikatorer: verdien teller til og med to år etter slutten av året den gjelder). ' +
    'Et mål, et innsatsområde og hele programmet får den dårligste statusen blant indikatorene under seg som har data.',
  en:
    'On track: the latest measured value is on or ahead of the path from the baseline to the target, or the final target has already been reached. ' +
    "At risk: the value is behind the path, but by no more than the indicator's tolerance (a share, for example 10 %, of the distance from the baseline to the final target). " +
    'Off track: the value is further behind the path than the tolerance. ' +
    'No data: the indicator has no values, lacks a baseline or target, or its latest value is older than two reporting periods ' +
    '(for yearly indicators: a value counts until two years after the end of the year it covers). ' +
    'A goal, a focus area and the whole program get the worst status among the indicators below them that have data.',
} as const;

interface PathPoint {
  t: number;
  date: string;
  value: number;
}

/** Baseline followed by the usable targets in date order; targets not after the baseline, or sharing an earlier target's date, are ignored. */
function pathPoints(spec: IndicatorSpec): PathPoint[] | null {
  if (!spec.baseline) return null;
  const points: PathPoint[] = [{ t: toMs(spec.baseline.date), ...spec.baseline }];
  const targets = spec.targets.map((x) => ({ t: toMs(x.date), ...x })).sort((a, b) => a.t - b.t);
  for (const p of targets) if (p.t > points[points.length - 1]!.t) points.push(p);
  return points.length > 1 ? points : null;
}

/** The last target on the path (the one the tolerance and projection refer to), or null without baseline/targets. */
export function finalTarget(spec: IndicatorSpec): Target | null {
  const points = pathPoints(spec);
  const last = points?.[points.length - 1];
  return last ? { date: last.date, value: last.value } : null;
}

/** The first target on the path dated on or after `asOf`, or null when none is left. */
export function nextTarget(spec: IndicatorSpec, asOf: string): Target | null {
  const t = toMs(asOf);
  const next = pathPoints(spec)?.slice(1).find((p) => p.t >= t);
  return next ? { date: next.date, value: next.value } : null;
}

/** Value the path expects at `date` (linear: interpolated between milestones; stepwise: last milestone reached); null without baseline/targets. */
export function expectedValue(spec: IndicatorSpec, date: string): number | null {
  const points = pathPoints(spec);
  if (!points) return null;
  const t = toMs(date);
  let prev = points[0]!;
  if (t <= prev.t) return prev.value;
  for (const next of points.slice(1)) {
    if (t < next.t) {
      if (spec.path === 'stepwise') return prev.value;
      const v = prev.value + (next.value - prev.value) * ((t - prev.t) / (next.t - prev.t));
      return Math.min(Math.max(v, Math.min(prev.value, next.value)), Math.max(prev.value, next.value));
    }
    prev = next;
  }
  return prev.value;
}

/** Date the next value is due: the end of the period after the latest value's period (latest + 1 interval). */
export function dueDate(latestObservationDate: string, interval: ReportingInterval): string {
  return addMonths(latestObservationDate, STATUS_RULES.dueAfterIntervals * STATUS_RULES.monthsPerInterval[interval]);
}

/** Last date on which a value still counts: its period end + 2 intervals (one interval, plus one interval's grace). */
export function staleAfter(latestObservationDate: string, interval: ReportingInterval): string {
  return addMonths(latestObservationDate, STATUS_RULES.staleAfterIntervals * STATUS_RULES.monthsPerInterval[interval]);
}

/** Rule: data is stale when asOf > latest period end + 2 × interval (yearly value for 2023-12-31 counts through 2025-12-31). */
export function isStale(latestObservationDate: string, asOf: string, interval: ReportingInterval): boolean {
  return toMs(asOf) > toMs(staleAfter(latestObservationDate, interval));
}

/** The observation with the latest date (the last one listed wins a tie), or null. */
export function latestObservation(observations: readonly Observation[]): Observation | null {
  let latest: Observation | null = null;
  for (const o of observations) if (!latest || toMs(o.date) >= toMs(latest.date)) latest = o;
  return latest;
}

/**
 * Judges an indicator at `asOf`, using only finite observations dated on or before `asOf`.
 * no_data when there is no baseline/target (`no_target`), no value (`no_values`) or the latest value is stale (`stale`);
 * otherwise on_track when the final target is reached or the latest value is on/ahead of the path, at_risk when behind by
 * at most tolerance × |final target − baseline|, off_track when further behind.
 */
export function assess(spec: IndicatorSpec, observations: readonly Observation[], asOf: string): Assessment {
  const asOfMs = toMs(asOf);
  const usable = observations.filter((o) => Number.isFinite(o.value) && toMs(o.date) <= asOfMs);
  const latest = latestObservation(usable);
  const final = finalTarget(spec);
  const expected = latest && final ? expectedValue(spec, latest.date) : null;
  const sign = spec.direction === 'increase' ? 1 : -1;
  const gap = latest && expected !== null ? sign * (latest.value - expected) + 0 : null; // + 0 turns -0 into 0
  const result = (status: Status, code: ReasonCode, params: Record<string, number | string> = {}): Assessment => ({
    status,
    reason: { code, params },
    expected,
    latest,
    projection: final ? project(usable, final.date) : null,
    nextTarget: nextTarget(spec, asOf),
    gap,
  });

  if (!final || !spec.baseline) return result('no_data', 'no_target');
  if (!latest || expected === null || gap === null) return result('no_data', 'no_values');
  if (isStale(latest.date, asOf, spec.reportingInterval)) {
    return result('no_data', 'stale', {
      latestDate: latest.date,
      staleAfter: staleAfter(latest.date, spec.reportingInterval),
    });
  }
  if (sign * (latest.value - final.value) >= 0) {
    return result('on_track', 'target_reached', { latest: latest.value, target: final.value, targetDate: final.date });
  }
  const params = { latest: latest.value, expected, gap };
  if (gap >= 0) return result('on_track', 'ahead_of_path', params);
  const tolerance = Number.isFinite(spec.tolerance) ? Math.max(0, spec.tolerance) : 0;
  const allowed = tolerance * Math.abs(final.value - spec.baseline.value);
  return -gap <= allowed
    ? result('at_risk', 'behind_path_within_tolerance', { ...params, allowed })
    : result('off_track', 'behind_path_beyond_tolerance', { ...params, allowed });
}

/** Least-squares linear trend over the observations (dates as fractional years) evaluated at `targetDate`; one date only → that value. */
export function project(observations: readonly Observation[], targetDate: string): Projection | null {
  const points = observations.filter((o) => Number.isFinite(o.value)).map((o) => ({ x: toYears(o.date), y: o.value }));
  if (points.length === 0) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  if (sxx === 0) return { date: targetDate, value: my, method: 'single_point' };
  return { date: targetDate, value: my + (sxy / sxx) * (toYears(targetDate) - mx), method: 'linear_trend' };
}

/** Worst status among those with data (off_track > at_risk > on_track); no_data when none has data. */
export function rollUp(statuses: readonly Status[]): Status {
  for (const s of STATUS_RULES.severity) if (statuses.includes(s)) return s;
  return 'no_data';
}

/** Counts per status, for summary lines like "7 on track, 2 at risk". */
export function summarise(statuses: readonly Status[]): Record<Status, number> {
  const counts: Record<Status, number> = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const s of statuses) counts[s] += 1;
  return counts;
}
