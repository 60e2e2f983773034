import type { FieldIssue, ReportDue, Text } from './types.js';

/** The themes of an annual climate and environment report. */
export type ReportTheme = 'energy' | 'waste' | 'transport' | 'purchasing';

/** Activity an emission factor applies to (see data/reference/certification/emission-factors.json). */
export type Activity = 'electricity' | 'district_heating' | 'heating_oil' | 'diesel' | 'petrol' | 'car_private' | 'public_transport' | 'flight';

/** One number of the report: where it belongs, its unit, its allowed range and its column in imports. */
export interface ReportField {
  key: string;
  theme: ReportTheme;
  unit: string;
  min: number;
  max: number;
  /** Column name in CSV/XLSX imports. */
  column: string;
  label: Text;
  /** The emission factor activity it feeds, if any. */
  activity?: Activity;
  /** Counted as sorted waste (every waste fraction except residual). */
  sorted?: boolean;
  wasteFraction?: boolean;
}

const BIG = 1e10;

/** Every number an annual report holds, in form order. */
export const REPORT_FIELDS: readonly ReportField[] = [
  { key: 'electricityKwh', theme: 'energy', unit: 'kWh', min: 0, max: BIG, column: 'strom_kwh', activity: 'electricity', label: { nb: 'Strøm', en: 'Electricity' } },
  { key: 'districtHeatingKwh', theme: 'energy', unit: 'kWh', min: 0, max: BIG, column: 'fjernvarme_kwh', activity: 'district_heating', label: { nb: 'Fjernvarme', en: 'District heating' } },
  { key: 'heatingOilLitres', theme: 'energy', unit: 'l', min: 0, max: BIG, column: 'fyringsolje_liter', activity: 'heating_oil', label: { nb: 'Fyringsolje', en: 'Heating oil' } },
  { key: 'heatedAreaM2', theme: 'energy', unit: 'm²', min: 0, max: 10_000_000, column: 'oppvarmet_areal_m2', label: { nb: 'Oppvarmet areal', en: 'Heated area' } },
  { key: 'wasteResidualKg', theme: 'waste', unit: 'kg', min: 0, max: BIG, column: 'restavfall_kg', wasteFraction: true, label: { nb: 'Restavfall', en: 'Residual waste' } },
  { key: 'wasteFoodKg', theme: 'waste', unit: 'kg', min: 0, max: BIG, column: 'matavfall_kg', wasteFraction: true, sorted: true, label: { nb: 'Matavfall', en: 'Food waste' } },
  { key: 'wastePaperKg', theme: 'waste', unit: 'kg', min: 0, max: BIG, column: 'papir_kg', wasteFraction: true, sorted: true, label: { nb: 'Papir og papp', en: 'Paper and cardboard' } },
  { key: 'wastePlasticKg', theme: 'waste', unit: 'kg', min: 0, max: BIG, column: 'plast_kg', wasteFraction: true, sorted: true, label: { nb: 'Plastemballasje', en: 'Plastic packaging' } },
  { key: 'wasteGlassMetalKg', theme: 'waste', unit: 'kg', min: 0, max: BIG, column: 'glass_metall_kg', wasteFraction: true, sorted: true, label: { nb: 'Glass- og metallemballasje', en: 'Glass and metal packaging' } },
  { key: 'wasteHazardousKg', theme: 'waste', unit: 'kg', min: 0, max: BIG, column: 'farlig_avfall_kg', wasteFraction: true, sorted: true, label: { nb: 'Farlig avfall og EE-avfall', en: 'Hazardous and electronic waste' } },
  { key: 'wasteOtherSortedKg', theme: 'waste', unit: 'kg', min: 0, max: BIG, column: 'annet_sortert_kg', wasteFraction: true, sorted: true, label: { nb: 'Annet sortert avfall', en: 'Other sorted waste' } },
  { key: 'sortingRatePct', theme: 'waste', unit: '%', min: 0, max: 100, column: 'sorteringsgrad_pst', label: { nb: 'Sorteringsgrad (oppgitt)', en: 'Sorting rate (stated)' } },
  { key: 'carPrivateKm', theme: 'transport', unit: 'km', min: 0, max: BIG, column: 'privatbil_km', activity: 'car_private', label: { nb: 'Tjenestereiser med privatbil', en: 'Business travel by private car' } },
  { key: 'carElectricKm', theme: 'transport', unit: 'km', min: 0, max: BIG, column: 'elbil_km', label: { nb: 'Tjenestereiser med elbil', en: 'Business travel by electric car' } },
  { key: 'publicTransportKm', theme: 'transport', unit: 'pkm', min: 0, max: BIG, column: 'kollektiv_km', activity: 'public_transport', label: { nb: 'Kollektivtransport', en: 'Public transport' } },
  { key: 'flightKm', theme: 'transport', unit: 'pkm', min: 0, max: BIG, column: 'fly_km', activity: 'flight', label: { nb: 'Flyreiser', en: 'Air travel' } },
  { key: 'dieselLitres', theme: 'transport', unit: 'l', min: 0, max: BIG, column: 'diesel_liter', activity: 'diesel', label: { nb: 'Diesel (egne kjøretøy og maskiner)', en: 'Diesel (own vehicles and machinery)' } },
  { key: 'petrolLitres', theme: 'transport', unit: 'l', min: 0, max: BIG, column: 'bensin_liter', activity: 'petrol', label: { nb: 'Bensin (egne kjøretøy og maskiner)', en: 'Petrol (own vehicles and machinery)' } },
  { key: 'ecoLabelSharePct', theme: 'purchasing', unit: '%', min: 0, max: 100, column: 'miljomerket_innkjop_pst', label: { nb: 'Andel innkjøp med miljømerke', en: 'Share of purchases with eco-labels' } },
];

/** An indicator the unit tracks itself. */
export interface OwnIndicator {
  name: string;
  value: number;
  unit: string;
}

/** The content of an annual report: the numbers (null = not reported) and the unit's own indicators. */
export interface ReportData {
  values: Record<string, number | null>;
  own: OwnIndicator[];
}

export const MAX_OWN_INDICATORS = 10;

/** The first year a report may cover. */
export const FIRST_REPORT_YEAR = 2000;

/**
 * Checks a report: every number finite and within its field's range (no negative kWh, no sorting
 * rate above 100 %), the year not in the future, own indicators named and numeric. Unknown keys are errors.
 */
export function validateReport(year: number, data: ReportData, currentYear: number): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (!Number.isInteger(year) || year < FIRST_REPORT_YEAR || year > currentYear) out.push({ field: 'year', message: `Året må være mellom ${FIRST_REPORT_YEAR} og ${currentYear}`, messageEn: `The year must be between ${FIRST_REPORT_YEAR} and ${currentYear}` });
  const known = new Map(REPORT_FIELDS.map((f) => [f.key, f]));
  for (const [key, v] of Object.entries(data.values)) {
    const f = known.get(key);
    if (!f) {
      out.push({ field: `values.${key}`, message: `Ukjent felt: ${key}`, messageEn: `Unknown field: ${key}` });
      continue;
    }
    if (v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) out.push({ field: `values.${key}`, message: `${f.label.nb} må være et tall`, messageEn: `${f.label.en} must be a number` });
    else if (v < f.min) out.push({ field: `values.${key}`, message: `${f.label.nb} kan ikke være negativ (${fmt(v)} ${f.unit})`, messageEn: `${f.label.en} cannot be negative (${v} ${f.unit})` });
    else if (v > f.max) out.push({ field: `values.${key}`, message: f.unit === '%' ? `${f.label.nb} kan ikke være over 100 % (${fmt(v)} %)` : `${f.label.nb} er urimelig stor (${fmt(v)} ${f.unit})`, messageEn: f.unit === '%' ? `${f.label.en} cannot exceed 100 % (${v} %)` : `${f.label.en} is implausibly large (${v} ${f.unit})` });
  }
  if (data.own.length > MAX_OWN_INDICATORS) out.push({ field: 'own', message: `Høyst ${MAX_OWN_INDICATORS} egne indikatorer`, messageEn: `At most ${MAX_OWN_INDICATORS} own indicators` });
  data.own.forEach((o, i) => {
    if (typeof o.name !== 'string' || !o.name.trim() || o.name.length > 100) out.push({ field: `own.${i}.name`, message: 'Egen indikator må ha et navn (høyst 100 tegn)', messageEn: 'An own indicator needs a name (at most 100 characters)' });
    if (typeof o.value !== 'number' || !Number.isFinite(o.value)) out.push({ field: `own.${i}.value`, message: `«${o.name}» må ha en tallverdi`, messageEn: `"${o.name}" needs a numeric value` });
    if (typeof o.unit !== 'string' || o.unit.length > 20) out.push({ field: `own.${i}.unit`, message: 'Enheten kan ha høyst 20 tegn', messageEn: 'The unit can have at most 20 characters' });
  });
  return out;
}

// Numbers in messages the Norwegian way: 1 234,5.
const fmt = (v: number) => {
  const [int, dec] = Math.abs(v).toString().split('.');
  return (v < 0 ? '−' : '') + int!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') + (dec ? `,${dec}` : '');
};

/** Figures computed from a report's numbers. */
export interface ReportDerived {
  /** Electricity plus district heating per m² heated area (heating oil is not converted to kWh). */
  kwhPerM2: number | null;
  wasteTotalKg: number | null;
  /** Sorted fractions / all fractions × 100. */
  sortingRateComputedPct: number | null;
  /** The stated sorting rate if given, else the computed one. */
  sortingRatePct: number | null;
}

const val = (d: ReportData, k: string): number | null => {
  const v = d.values[k];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** Energy intensity, waste total and sorting rate from a report's numbers. */
export function deriveReport(data: ReportData): ReportDerived {
  const el = val(data, 'electricityKwh');
  const dh = val(data, 'districtHeatingKwh');
  const area = val(data, 'heatedAreaM2');
  const kwh = el === null && dh === null ? null : (el ?? 0) + (dh ?? 0);
  const fractions = REPORT_FIELDS.filter((f) => f.wasteFraction).map((f) => ({ f, v: val(data, f.key) }));
  const reported = fractions.filter((x) => x.v !== null);
  const total = reported.length ? reported.reduce((s, x) => s + x.v!, 0) : null;
  const sorted = reported.filter((x) => x.f.sorted).reduce((s, x) => s + x.v!, 0);
  const computed = total !== null && total > 0 ? (sorted / total) * 100 : null;
  return {
    kwhPerM2: kwh !== null && area !== null && area > 0 ? kwh / area : null,
    wasteTotalKg: total,
    sortingRateComputedPct: computed,
    sortingRatePct: val(data, 'sortingRatePct') ?? computed,
  };
}

/** The date a report for `year` is due under a scheme's rule (in the following year). */
export function reportDueDate(year: number, due: ReportDue): string {
  return `${year + 1}-${String(due.month).padStart(2, '0')}-${String(due.day).padStart(2, '0')}`;
}
