import { assess } from '../program/progress.js';
import type { Assessment, IndicatorSpec, Observation } from '../program/types.js';
import type { ActivityKind } from './lists.js';

/** A stored registration, as the calculations need it. */
export interface WasteRecord {
  kitchenId: string;
  date: string;
  kg: number;
  stage: string;
  category: string;
  reason: string;
  destination: string;
}

/** Activity beside the waste: portions served, guest nights, NOK of food bought or resident days in a period ending on `date`. */
export interface ActivityRecord {
  kitchenId: string;
  date: string;
  amount: number;
}

/** How a kitchen's waste is judged: what it normalises by, its measured baseline period and its target. */
export interface KitchenPlan {
  activityKind: ActivityKind;
  baselineFrom: string | null;
  baselineTo: string | null;
  /** Reduction against the baseline by the target date, e.g. 0.5 for −50 %. */
  targetReduction: number;
  targetDate: string;
}

/** Default target: −50 % by the end of 2030 (the Norwegian industry agreement and SDG 12.3). */
export const DEFAULT_TARGET = { reduction: 0.5, date: '2030-12-31' } as const;

/** Per activity kind: the factor from kg per activity unit to the displayed unit, and that unit. */
export const INTENSITY_UNITS: Record<ActivityKind, { scale: number; nb: string; en: string }> = {
  portions: { scale: 1000, nb: 'g per porsjon', en: 'g per portion' },
  guest_nights: { scale: 1000, nb: 'g per gjestedøgn', en: 'g per guest night' },
  food_purchases_nok: { scale: 1000, nb: 'kg per 1 000 kr matinnkjøp', en: 'kg per NOK 1,000 of food bought' },
  resident_days: { scale: 1000, nb: 'g per beboerdøgn', en: 'g per resident day' },
};

/** Waste per unit of activity in the displayed unit (g per portion…); null when there is no activity. */
export function normalise(kg: number, activity: number, kind: ActivityKind): number | null {
  if (!(activity > 0) || !Number.isFinite(kg)) return null;
  return (kg / activity) * INTENSITY_UNITS[kind].scale;
}

const inRange = (date: string, from: string, to: string) => date >= from && date <= to;

/** Sum of kg and activity of one kitchen in [from, to], and the intensity (null without activity). */
export function intensity(waste: readonly WasteRecord[], activity: readonly ActivityRecord[], kind: ActivityKind, from: string, to: string): { kg: number; activity: number; value: number | null } {
  const kg = waste.filter((w) => inRange(w.date, from, to)).reduce((s, w) => s + w.kg, 0);
  const act = activity.filter((a) => inRange(a.date, from, to)).reduce((s, a) => s + a.amount, 0);
  return { kg, activity: act, value: normalise(kg, act, kind) };
}

/** The calendar quarters from the one holding `from` through the one holding `to`: start, end and label (2025-Q3). */
export function quartersBetween(from: string, to: string): { start: string; end: string; period: string }[] {
  const out: { start: string; end: string; period: string }[] = [];
  let y = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3);
  const lastY = Number(to.slice(0, 4));
  const lastQ = Math.floor((Number(to.slice(5, 7)) - 1) / 3);
  while ((y < lastY || (y === lastY && q <= lastQ)) && out.length < 400) {
    const m1 = q * 3 + 1;
    const endMonth = m1 + 2;
    const endDay = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
    const pad = (n: number) => String(n).padStart(2, '0');
    out.push({ start: `${y}-${pad(m1)}-01`, end: `${y}-${pad(endMonth)}-${pad(endDay)}`, period: `${y}-Q${q + 1}` });
    q++;
    if (q === 4) {
      q = 0;
      y++;
    }
  }
  return out;
}

/** Quarterly intensities of one kitchen up to asOf; a quarter counts only when it has both waste and activity; the running quarter is marked partial (and, dated at its end, is not judged yet). */
export function quarterlySeries(waste: readonly WasteRecord[], activity: readonly ActivityRecord[], kind: ActivityKind, asOf: string): (Observation & { period: string; kg: number; activity: number; partial: boolean })[] {
  const dates = [...waste.map((w) => w.date), ...activity.map((a) => a.date)].filter((d) => d <= asOf).sort();
  if (!dates.length) return [];
  const out: (Observation & { period: string; kg: number; activity: number; partial: boolean })[] = [];
  for (const q of quartersBetween(dates[0]!, asOf)) {
    const end = q.end < asOf ? q.end : asOf;
    const r = intensity(waste, activity, kind, q.start, end);
    if (r.value !== null && r.kg > 0) out.push({ date: q.end, period: q.period, value: r.value, kg: r.kg, activity: r.activity, partial: q.end > asOf });
  }
  return out;
}

/** The indicator spec of a kitchen's plan: baseline from the measured baseline period, target = baseline × (1 − reduction). */
export function kitchenSpec(plan: KitchenPlan, baselineValue: number | null): IndicatorSpec {
  const hasBaseline = baselineValue !== null && plan.baselineTo !== null;
  return {
    direction: 'decrease',
    baseline: hasBaseline ? { date: plan.baselineTo!, value: baselineValue! } : null,
    targets: hasBaseline ? [{ date: plan.targetDate, value: baselineValue! * (1 - plan.targetReduction) }] : [],
    path: 'linear',
    tolerance: 0.1,
    reportingInterval: 'quarterly',
  };
}

/** A kitchen's progress: baseline intensity, target, quarterly series after the baseline and the program's status rule (`assess`). */
export function kitchenProgress(plan: KitchenPlan, waste: readonly WasteRecord[], activity: readonly ActivityRecord[], asOf: string): {
  baseline: number | null;
  target: number | null;
  series: (Observation & { period: string; kg: number; activity: number; partial: boolean })[];
  assessment: Assessment;
} {
  const baseline = plan.baselineFrom && plan.baselineTo ? intensity(waste, activity, plan.activityKind, plan.baselineFrom, plan.baselineTo).value : null;
  const spec = kitchenSpec(plan, baseline);
  const series = quarterlySeries(waste, activity, plan.activityKind, asOf);
  const after = plan.baselineTo ? series.filter((s) => s.date > plan.baselineTo!) : series;
  return { baseline, target: spec.targets[0]?.value ?? null, series, assessment: assess(spec, after, asOf) };
}

/** Emission and price factors for wasted and redistributed food, from sourced reference data. */
export interface FoodwasteFactors {
  kgCo2ePerKg: number;
  nokPerKg: number;
  mealsPerKg: number;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** ISO weekday name (monday…sunday) of a yyyy-mm-dd date. */
export function weekdayOf(date: string): (typeof WEEKDAYS)[number] {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[(d + 6) % 7]!;
}

/** Totals of a set of registrations: kg, CO2e (kg), money lost (øre), and kg by stage, category, reason, destination and weekday. */
export function totals(waste: readonly WasteRecord[], factors: FoodwasteFactors) {
  const by = (pick: (w: WasteRecord) => string) => {
    const m: Record<string, number> = {};
    for (const w of waste) m[pick(w)] = (m[pick(w)] ?? 0) + w.kg;
    return m;
  };
  const kg = waste.reduce((s, w) => s + w.kg, 0);
  return {
    kg,
    registrations: waste.length,
    kgCo2e: kg * factors.kgCo2ePerKg,
    moneyLostOre: Math.round(kg * factors.nokPerKg * 100),
    byStage: by((w) => w.stage),
    byCategory: by((w) => w.category),
    byReason: by((w) => w.reason),
    byDestination: by((w) => w.destination),
    byWeekday: Object.fromEntries(WEEKDAYS.map((d) => [d, waste.filter((w) => weekdayOf(w.date) === d).reduce((s, w) => s + w.kg, 0)])) as Record<(typeof WEEKDAYS)[number], number>,
  };
}

/** Kg per resident per year (the UN SDG 12.3.1(b) unit); null without a population. */
export function kgPerResidentPerYear(kgInYear: number, population: number | null): number | null {
  return population && population > 0 ? kgInYear / population : null;
}

/** Change of the latest quarter against the baseline, as a fraction (−0.25 = 25 % less); null when either is missing. */
export function changeFromBaseline(baseline: number | null, latest: number | null): number | null {
  return baseline && baseline > 0 && latest !== null ? latest / baseline - 1 : null;
}
