// Figures over classified establishments: the snapshot that stands for each year, and jobs by industry code.
import type { Classification, JobClass } from './rules.js';

/** For each year, the latest snapshot date in it (the year's figure), oldest year first. */
export function yearSnapshots(dates: readonly string[]): { year: number; date: string }[] {
  const by = new Map<number, string>();
  for (const d of dates) {
    const y = Number(d.slice(0, 4));
    if (!by.has(y) || d > by.get(y)!) by.set(y, d);
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([year, date]) => ({ year, date }));
}

/** One row of the table by industry code. */
export interface IndustryRow {
  code: string | null;
  establishments: number;
  jobs: number;
  oil_gas: number;
  green: number;
  other: number;
  /** The code rule that classified this code (the same for every establishment with it), or null. */
  codeRuleId: string | null;
  /** Establishments whose jobs certification moved to green. */
  certified: number;
  /** A partial rule or one with a caveat decided it. */
  uncertain: boolean;
}

/** Jobs by industry code, most jobs first (then by code). */
export function byIndustry(items: readonly { industryCode: string | null; c: Classification }[]): IndustryRow[] {
  const rows = new Map<string, IndustryRow>();
  for (const { industryCode, c } of items) {
    const k = industryCode ?? '';
    const r = rows.get(k) ?? { code: industryCode, establishments: 0, jobs: 0, oil_gas: 0, green: 0, other: 0, codeRuleId: c.codeRuleId, certified: 0, uncertain: false };
    r.establishments++;
    r.jobs += c.oil_gas + c.green + c.other;
    for (const cl of ['oil_gas', 'green', 'other'] as JobClass[]) r[cl] += c[cl];
    if (c.certificationRuleId) r.certified++;
    r.uncertain ||= c.uncertain;
    rows.set(k, r);
  }
  return [...rows.values()].sort((a, b) => b.jobs - a.jobs || (a.code ?? '~').localeCompare(b.code ?? '~'));
}

/** A share in percent with one decimal, or null when the total is zero. */
export function percent(part: number, total: number): number | null {
  return total > 0 ? Math.round((part / total) * 1000) / 10 : null;
}
