import { REPORT_FIELDS, type Activity, type ReportData } from './report.js';

/** An emission factor with its origin: what it applies to, its scope, its data set and year. */
export interface EmissionFactor {
  key: string;
  activity: Activity;
  scope: 1 | 2 | 3;
  /** Unit of the activity amount (kWh, l, km, pkm). */
  unit: string;
  kgCo2ePerUnit: number;
  /** The year the factor describes (NVE: the year of the electricity mix). */
  year: number;
  dataset: string;
  publisher: string;
  url: string | null;
  licence: string;
  /** True when the value is rounded or transferred from another context (see SOURCES.md). */
  approximation: boolean;
  note: string;
}

const ACTIVITIES: readonly Activity[] = ['electricity', 'district_heating', 'heating_oil', 'diesel', 'petrol', 'car_private', 'public_transport', 'flight'];

/** Parses the reference file `{ factors: [...] }`; throws naming every bad entry. */
export function parseEmissionFactors(json: unknown): EmissionFactor[] {
  const list = (json as { factors?: unknown })?.factors;
  if (!Array.isArray(list)) throw new Error('emission factors: expected { "factors": [...] }');
  const problems: string[] = [];
  const out = list.map((raw, i) => {
    const f = raw as Record<string, unknown>;
    const bad = (what: string) => problems.push(`factors[${i}].${what}`);
    if (typeof f.key !== 'string' || !f.key) bad('key');
    if (!ACTIVITIES.includes(f.activity as Activity)) bad('activity');
    if (f.scope !== 1 && f.scope !== 2 && f.scope !== 3) bad('scope');
    if (typeof f.unit !== 'string') bad('unit');
    if (typeof f.kgCo2ePerUnit !== 'number' || !(f.kgCo2ePerUnit >= 0)) bad('kgCo2ePerUnit');
    if (typeof f.year !== 'number' || !Number.isInteger(f.year)) bad('year');
    for (const k of ['dataset', 'publisher', 'licence']) if (typeof f[k] !== 'string' || !f[k]) bad(k);
    if (typeof f.approximation !== 'boolean') bad('approximation');
    return { key: f.key, activity: f.activity, scope: f.scope, unit: f.unit, kgCo2ePerUnit: f.kgCo2ePerUnit, year: f.year, dataset: f.dataset, publisher: f.publisher, url: (f.url as string | undefined) ?? null, licence: f.licence, approximation: f.approximation, note: (f.note as string | undefined) ?? '' } as EmissionFactor;
  });
  if (problems.length) throw new Error(`emission factors: bad ${problems.join(', ')}`);
  return out;
}

/** The factor for an activity and report year: the newest factor year on or before it, else the oldest one there is. */
export function factorFor(factors: readonly EmissionFactor[], activity: Activity, year: number): EmissionFactor | null {
  const candidates = factors.filter((f) => f.activity === activity).sort((a, b) => a.year - b.year);
  if (!candidates.length) return null;
  return [...candidates].reverse().find((f) => f.year <= year) ?? candidates[0]!;
}

/** One line of a greenhouse-gas account: an amount times a factor. */
export interface GhgLine {
  field: string;
  activity: Activity;
  amount: number;
  unit: string;
  scope: 1 | 2 | 3;
  kgCo2e: number;
  factor: Pick<EmissionFactor, 'key' | 'kgCo2ePerUnit' | 'year' | 'dataset' | 'publisher' | 'approximation'>;
}

/** A greenhouse-gas account by scope, in kg CO2e, with every line traceable to its factor. */
export interface GhgAccount {
  scope1: number;
  scope2: number;
  scope3: number;
  total: number;
  lines: GhgLine[];
  /** Reported amounts that have no emission factor, so are not in the totals. */
  notCounted: { field: string; activity: Activity; amount: number }[];
}

/** Scope 1 (own fuels), 2 (purchased electricity) and 3 (business travel) from a report's numbers and the factors for its year. */
export function ghgAccount(data: ReportData, factors: readonly EmissionFactor[], year: number): GhgAccount {
  const account: GhgAccount = { scope1: 0, scope2: 0, scope3: 0, total: 0, lines: [], notCounted: [] };
  for (const field of REPORT_FIELDS) {
    if (!field.activity) continue;
    const amount = data.values[field.key];
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount === 0) continue;
    const f = factorFor(factors, field.activity, year);
    if (!f) {
      account.notCounted.push({ field: field.key, activity: field.activity, amount });
      continue;
    }
    const kg = amount * f.kgCo2ePerUnit;
    account.lines.push({ field: field.key, activity: field.activity, amount, unit: f.unit, scope: f.scope, kgCo2e: kg, factor: { key: f.key, kgCo2ePerUnit: f.kgCo2ePerUnit, year: f.year, dataset: f.dataset, publisher: f.publisher, approximation: f.approximation } });
    if (f.scope === 1) account.scope1 += kg;
    else if (f.scope === 2) account.scope2 += kg;
    else account.scope3 += kg;
  }
  account.total = account.scope1 + account.scope2 + account.scope3;
  return account;
}
