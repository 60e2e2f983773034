// Farms, crop areas and organic conversion (program point B5). Pure: no I/O, no clock.

/** How a crop area is managed: as registered; `conversion` becomes organic when its period ends. */
export const MANAGEMENTS = ['conventional', 'conversion', 'organic'] as const;
export type Management = (typeof MANAGEMENTS)[number];

export const MANAGEMENT_NB: Record<Management, string> = { conventional: 'konvensjonell', conversion: 'karens (under omlegging)', organic: 'økologisk' };

/** Norwegian organic rules (EU 2018/848 Annex II): two years for arable land and grass, three before the first harvest of perennial crops. */
export const DEFAULT_CONVERSION_MONTHS = 24;

/** A crop category from the reference data (data/reference/agriculture/crops.json). */
export interface Crop {
  key: string;
  nb: string;
  en: string;
  /** Months from the start of conversion until the area's produce may be sold as organic. */
  conversionMonths: number;
  /** Vegetables, fruit, berries, potatoes: what program point B5 asks for more of. */
  horticulture?: boolean;
}

/** One crop's area on one farm in one year, as the farm reported it. */
export interface CropArea {
  farmId: string;
  year: number;
  cropKey: string;
  areaDaa: number;
  management: Management;
  /** First day of the conversion period; required for `conversion`. */
  conversionStart: string | null;
}

export interface FarmIssue {
  field: string;
  message: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** Whether s is a real calendar date written yyyy-mm-dd. */
export function isDate(s: string | null | undefined): s is string {
  if (!s || !ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The date a conversion started on `start` ends (start + months; the last day of a shorter month when the day does not exist). */
export function conversionEnds(start: string, months: number): string {
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7)) - 1 + months;
  const d = Number(start.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** How an area is managed on a date: an area in conversion counts as organic from the day its period ends. */
export function managementOn(area: Pick<CropArea, 'management' | 'conversionStart'>, date: string, months: number): Management {
  if (area.management !== 'conversion' || !area.conversionStart) return area.management;
  return conversionEnds(area.conversionStart, months) <= date ? 'organic' : 'conversion';
}

/** A year's farmland by management on 31 December, with the organic and in-conversion shares (0–100). */
export interface ShareOfYear {
  year: number;
  totalDaa: number;
  organicDaa: number;
  conversionDaa: number;
  conventionalDaa: number;
  /** Organic area as % of farmland in use; null without farmland. */
  organicShare: number | null;
  conversionShare: number | null;
  /** Organic and in-conversion together, as the program's indicator counts it. */
  organicOrConversionShare: number | null;
  farms: number;
}

const pct = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);

/**
 * Organic share of farmland by year: each crop area of the year counted by its management on
 * 31 December of that year (areas in conversion whose period has ended count as organic).
 */
export function organicShareByYear(areas: readonly CropArea[], years: readonly number[], monthsOf: (cropKey: string) => number = () => DEFAULT_CONVERSION_MONTHS): ShareOfYear[] {
  return years.map((year) => {
    const date = `${year}-12-31`;
    let organicDaa = 0;
    let conversionDaa = 0;
    let conventionalDaa = 0;
    const farms = new Set<string>();
    for (const a of areas) {
      if (a.year !== year || !(a.areaDaa > 0)) continue;
      farms.add(a.farmId);
      const m = managementOn(a, date, monthsOf(a.cropKey));
      if (m === 'organic') organicDaa += a.areaDaa;
      else if (m === 'conversion') conversionDaa += a.areaDaa;
      else conventionalDaa += a.areaDaa;
    }
    const totalDaa = organicDaa + conversionDaa + conventionalDaa;
    return { year, totalDaa, organicDaa, conversionDaa, conventionalDaa, organicShare: pct(organicDaa, totalDaa), conversionShare: pct(conversionDaa, totalDaa), organicOrConversionShare: pct(organicDaa + conversionDaa, totalDaa), farms: farms.size };
  });
}

/** Limits that keep typing errors out (decares; Norway's largest farms are a few thousand). */
export const MAX_FARM_DAA = 100_000;

/**
 * Checks one farm's crop areas for one year: known crops, areas of at least 0, a conversion
 * start for areas in conversion (not after the year), each crop and management once, and the
 * sum not above the farm's agricultural area. Fields are named `areas.<i>.<field>`.
 */
export function validateCropAreas(year: number, areas: readonly Omit<CropArea, 'farmId' | 'year'>[], farmAreaDaa: number, crops: readonly Crop[]): FarmIssue[] {
  const issues: FarmIssue[] = [];
  if (!Number.isInteger(year) || year < 1990 || year > 2100) issues.push({ field: 'year', message: 'Året må være et helt år mellom 1990 og 2100' });
  const seen = new Set<string>();
  let sum = 0;
  areas.forEach((a, i) => {
    const f = (name: string) => `areas.${i}.${name}`;
    const crop = crops.find((c) => c.key === a.cropKey);
    if (!crop) issues.push({ field: f('cropKey'), message: `Ukjent vekstgruppe «${a.cropKey}»` });
    if (!Number.isFinite(a.areaDaa) || a.areaDaa < 0) issues.push({ field: f('areaDaa'), message: 'Arealet må være et tall på 0 dekar eller mer' });
    else if (a.areaDaa > MAX_FARM_DAA) issues.push({ field: f('areaDaa'), message: `Arealet er urimelig stort (over ${MAX_FARM_DAA} dekar)` });
    else sum += a.areaDaa;
    if (!(MANAGEMENTS as readonly string[]).includes(a.management)) issues.push({ field: f('management'), message: 'Driftsformen må være konvensjonell, karens eller økologisk' });
    if (a.management === 'conversion') {
      if (!isDate(a.conversionStart)) issues.push({ field: f('conversionStart'), message: 'Oppgi startdatoen for omleggingen (karenstiden) som åååå-mm-dd' });
      else if (Number(a.conversionStart.slice(0, 4)) > year) issues.push({ field: f('conversionStart'), message: `Omleggingen kan ikke starte etter ${year}` });
    } else if (a.conversionStart !== null && a.conversionStart !== '' && !isDate(a.conversionStart)) issues.push({ field: f('conversionStart'), message: 'Ugyldig dato' });
    const k = `${a.cropKey}/${a.management}`;
    if (seen.has(k)) issues.push({ field: f('cropKey'), message: `${crop?.nb ?? a.cropKey} (${MANAGEMENT_NB[a.management] ?? a.management}) er ført to ganger` });
    seen.add(k);
  });
  if (Number.isFinite(farmAreaDaa) && sum > farmAreaDaa + 1e-9) issues.push({ field: 'areas', message: `Summen av arealene (${round1(sum)} dekar) er større enn gårdens jordbruksareal (${round1(farmAreaDaa)} dekar)` });
  return issues;
}

const round1 = (n: number) => String(Math.round(n * 10) / 10).replace('.', ',');

/** Checks a farm's own facts: its agricultural area and its organic certificate. */
export function validateFarm(f: { agriculturalAreaDaa: number; certifierKey: string | null; certificateNumber: string | null; certificateDate: string | null }, certifiers: readonly { key: string }[], today: string): FarmIssue[] {
  const issues: FarmIssue[] = [];
  if (!Number.isFinite(f.agriculturalAreaDaa) || f.agriculturalAreaDaa < 0) issues.push({ field: 'agriculturalAreaDaa', message: 'Jordbruksarealet må være 0 dekar eller mer' });
  else if (f.agriculturalAreaDaa > MAX_FARM_DAA) issues.push({ field: 'agriculturalAreaDaa', message: `Jordbruksarealet er urimelig stort (over ${MAX_FARM_DAA} dekar)` });
  if (f.certifierKey && !certifiers.some((c) => c.key === f.certifierKey)) issues.push({ field: 'certifierKey', message: `Ukjent sertifiseringsorgan «${f.certifierKey}»` });
  if ((f.certificateNumber || f.certificateDate) && !f.certifierKey) issues.push({ field: 'certifierKey', message: 'Oppgi sertifiseringsorganet som utstedte sertifikatet' });
  if (f.certificateDate) {
    if (!isDate(f.certificateDate)) issues.push({ field: 'certificateDate', message: 'Skriv sertifikatdatoen som åååå-mm-dd' });
    else if (f.certificateDate > today) issues.push({ field: 'certificateDate', message: 'Sertifikatdatoen kan ikke være fram i tid' });
  }
  return issues;
}

export const PLAN_STATUSES = ['planned', 'in_progress', 'completed', 'abandoned'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Checks a conversion plan: a target year from this year on (unless done), an area of the farm's size or less. */
export function validatePlan(p: { targetYear: number; areaDaa: number; status: string }, farmAreaDaa: number, thisYear: number): FarmIssue[] {
  const issues: FarmIssue[] = [];
  if (!(PLAN_STATUSES as readonly string[]).includes(p.status)) issues.push({ field: 'status', message: 'Status må være planlagt, i gang, fullført eller avbrutt' });
  if (!Number.isInteger(p.targetYear) || p.targetYear < 2000 || p.targetYear > 2100) issues.push({ field: 'targetYear', message: 'Målåret må være et år mellom 2000 og 2100' });
  else if ((p.status === 'planned' || p.status === 'in_progress') && p.targetYear < thisYear) issues.push({ field: 'targetYear', message: `En plan som ikke er fullført, må ha målår ${thisYear} eller senere` });
  if (!Number.isFinite(p.areaDaa) || p.areaDaa <= 0) issues.push({ field: 'areaDaa', message: 'Arealet som skal legges om, må være større enn 0 dekar' });
  else if (p.areaDaa > farmAreaDaa) issues.push({ field: 'areaDaa', message: `Arealet er større enn gårdens jordbruksareal (${round1(farmAreaDaa)} dekar)` });
  return issues;
}
