import { FOOTPRINT_CATEGORIES, type FootprintCategory } from './factors.js';
import { PLEDGE_ACTION_IDS } from './pledges.js';

// The public tally of shared results and pledges. Averages of a district are shown only from
// MIN_GROUP results on, so that a small group's figure cannot point at a person.

export const MIN_GROUP = 5;

export interface SharedResult {
  district: string | null;
  totalKg: number;
  categories: Partial<Record<FootprintCategory, number>>;
  at: string;
}
export interface SharedPledge {
  action: string;
  district: string | null;
  savingKg: number;
  at: string;
}

export interface FootprintTally {
  results: number;
  /** Mean of the shared totals (null under MIN_GROUP results). */
  averageKg: number | null;
  averageCategories: Record<FootprintCategory, number> | null;
  pledges: number;
  savingKg: number;
  byAction: { action: string; pledges: number; savingKg: number }[];
  byDistrict: { district: string | null; results: number; averageKg: number | null; pledges: number }[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** Counts shared results and pledges overall, per action and per district (districts in the order given). */
export function tallyFootprint(results: SharedResult[], pledges: SharedPledge[], districts: string[]): FootprintTally {
  const enough = results.length >= MIN_GROUP;
  const averageCategories = enough ? (Object.fromEntries(FOOTPRINT_CATEGORIES.map((c) => [c, mean(results.map((r) => r.categories[c] ?? 0))])) as Record<FootprintCategory, number>) : null;
  const known = new Set(districts);
  const keys: (string | null)[] = [...districts, null];
  return {
    results: results.length,
    averageKg: enough ? mean(results.map((r) => r.totalKg)) : null,
    averageCategories,
    pledges: pledges.length,
    savingKg: pledges.reduce((s, p) => s + p.savingKg, 0),
    byAction: PLEDGE_ACTION_IDS.map((action) => {
      const ps = pledges.filter((p) => p.action === action);
      return { action, pledges: ps.length, savingKg: ps.reduce((s, p) => s + p.savingKg, 0) };
    }),
    byDistrict: keys.map((d) => {
      const inD = (x: { district: string | null }) => (d === null ? x.district === null || !known.has(x.district) : x.district === d);
      const rs = results.filter(inD);
      return { district: d, results: rs.length, averageKg: rs.length >= MIN_GROUP ? mean(rs.map((r) => r.totalKg)) : null, pledges: pledges.filter(inD).length };
    }),
  };
}
