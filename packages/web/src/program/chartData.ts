// The series every chart of an indicator draws, whichever library draws it.
import { expectedValue } from '@omstilling/core/program/progress';
import type { IndicatorSpec } from '@omstilling/core/program/types';
import { primaryValues } from './queries';
import type { DatedValue, Indicator, ValueView } from './types';

export interface ChartSeries {
  measured: ValueView[];
  path: DatedValue[];
  targets: DatedValue[];
  /** From the latest value to the projected value at the final target date. */
  projection: DatedValue[];
  baseline: DatedValue | null;
  /** Value domain with 0 included when every figure is positive (honest bars of scale). */
  yMin: number;
  yMax: number;
  xMin: number;
  xMax: number;
}

export const ms = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/** The indicator's specification for core's progress rules. */
export function specOf(i: Indicator): IndicatorSpec {
  return {
    direction: i.direction === 'decrease' ? 'decrease' : 'increase',
    baseline: i.baseline ? { date: i.baseline.date, value: i.baseline.value } : null,
    targets: i.targets.map((t) => ({ date: t.date, value: t.value })),
    path: i.path === 'stepwise' ? 'stepwise' : 'linear',
    tolerance: i.tolerance,
    reportingInterval: (['yearly', 'quarterly', 'monthly'].includes(i.reportingInterval) ? i.reportingInterval : 'yearly') as IndicatorSpec['reportingInterval'],
  };
}

/** The value expected on the path from baseline to target at a date (null without baseline or target). */
export const expectedAt = (i: Indicator, date: string): number | null => expectedValue(specOf(i), date);

export function chartSeries(i: Indicator): ChartSeries {
  const measured = primaryValues(i);
  const path = [...i.pathPoints].sort((a, b) => a.date.localeCompare(b.date));
  const targets = [...i.targets].sort((a, b) => a.date.localeCompare(b.date)).map((t) => ({ date: t.date, value: t.value }));
  const baseline = i.baseline ? { date: i.baseline.date, value: i.baseline.value } : null;
  const last = measured.at(-1);
  const p = i.assessment.projection;
  const allPositive = [...measured.map((v) => v.value), ...targets.map((t) => t.value), ...(baseline ? [baseline.value] : [])].every((v) => v >= 0);
  const projection = last && p && p.method !== 'single_point' && p.date > last.date ? [{ date: last.date, value: last.value }, { date: p.date, value: allPositive ? Math.max(0, p.value) : p.value }] : [];
  const ys = [...measured.map((v) => v.value), ...path.map((v) => v.value), ...targets.map((v) => v.value), ...projection.map((v) => v.value), ...(baseline ? [baseline.value] : [])];
  const xs = [...measured.map((v) => v.date), ...path.map((v) => v.date), ...targets.map((v) => v.date), ...(baseline ? [baseline.date] : [])].map(ms);
  let yMin = ys.length ? Math.min(...ys) : 0;
  let yMax = ys.length ? Math.max(...ys) : 1;
  if (yMin >= 0) yMin = 0;
  if (yMax === yMin) yMax = yMin + 1;
  const now = Date.now();
  const xMin = xs.length ? Math.min(...xs) : now;
  let xMax = xs.length ? Math.max(...xs) : now + 1;
  if (xMax === xMin) xMax = xMin + 365 * 86_400_000;
  return { measured, path, targets, projection, baseline, yMin, yMax, xMin, xMax };
}

/** Round tick values covering [lo, hi] (about `count` of them). */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  const range = hi - lo;
  const raw = range / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= hi + step * 0.5; v += step) ticks.push(Number(v.toFixed(10)));
  if (ticks.length && ticks.at(-1)! < hi) ticks.push(Number((ticks.at(-1)! + step).toFixed(10)));
  return ticks;
}
