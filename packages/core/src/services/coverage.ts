import { isIsoDate } from '../foodwaste/registration.js';

// Sustainability in public services (program point C2): a catalogue of measures, which units
// have adopted which, their own short reports, and coverage per service area.

export const ADOPTION_STATUSES = ['planned', 'active', 'paused', 'ended'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];
export const ADOPTION_STATUS_NB: Record<AdoptionStatus, string> = { planned: 'planlagt', active: 'aktiv', paused: 'satt på pause', ended: 'avsluttet' };

/** A service area (kindergartens, schools, family services, health, care) and the unit types counted in it. */
export interface ServiceArea {
  key: string;
  nb: string;
  en: string;
  /** Unit types (org_unit.type) counted in this area. */
  unitTypes: string[];
  /** The indicator group the area belongs to (education: kindergartens and schools; care: health, care, family). */
  group: string;
}

/** Which unit counts in which area: by type, with the municipality's own exceptions by unit key. */
export interface AreaMapping {
  areas: readonly ServiceArea[];
  /** unit key → area key (or null: not counted at all), overriding the type. */
  byUnitKey?: Readonly<Record<string, string | null>>;
}

/** A unit as coverage sees it. */
export interface CoverageUnit {
  id: string;
  key: string;
  parentId: string | null;
  kind: string; // sector | unit | subunit
  type: string;
  name: string;
}

/** One status change of an adoption, from the date given. */
export interface AdoptionEvent {
  date: string;
  status: AdoptionStatus;
}

/** An adoption of a measure by a unit, with its status history (oldest first). */
export interface AdoptionFacts {
  id: string;
  unitId: string;
  measureId: string;
  events: readonly AdoptionEvent[];
}

/** A unit's own short report on an adopted measure. */
export interface ReportFacts {
  adoptionId: string;
  unitId: string;
  date: string;
}

export interface ServiceIssue {
  field: string;
  message: string;
}

/** The rule of the program indicators, in words (stated in the indicators' descriptions and methods). */
export const PLAN_RULE_NB = 'En enhet regnes som å ha bærekraft i planen når den på datoen har minst ett aktivt tiltak fra tiltakskatalogen og har levert minst én egen rapport de siste 12 månedene.';
export const PLAN_RULE_EN = 'A unit counts as having sustainability in its plan when, on the date, it has at least one active measure from the catalogue and has filed at least one report of its own in the last 12 months.';

/** The area key of a unit: its key's exception first, then its type; null when the unit is not counted. */
export function areaOfUnit(unit: Pick<CoverageUnit, 'key' | 'type'>, mapping: AreaMapping): string | null {
  const own = mapping.byUnitKey?.[unit.key];
  if (own !== undefined) return own;
  return mapping.areas.find((a) => a.unitTypes.includes(unit.type))?.key ?? null;
}

/**
 * The unit an adoption counts for: the unit itself, or its nearest ancestor of kind `unit`
 * (a school's after-school club or a nursing home's kitchen counts for the school or home).
 */
export function countingUnitOf(unitId: string, units: ReadonlyMap<string, CoverageUnit>): string | null {
  let u = units.get(unitId);
  const seen = new Set<string>();
  while (u && u.kind !== 'unit' && !seen.has(u.id)) {
    seen.add(u.id);
    u = u.parentId ? units.get(u.parentId) : undefined;
  }
  return u && u.kind === 'unit' ? u.id : null;
}

/** The status of an adoption on a date: the latest change on or before it; null before the first. */
export function statusOn(events: readonly AdoptionEvent[], date: string): AdoptionStatus | null {
  let out: AdoptionStatus | null = null;
  for (const e of events) if (e.date <= date) out = e.status;
  return out;
}

/** The date one year before (same day; 29 February → 28 February). */
export function yearBefore(date: string): string {
  const y = Number(date.slice(0, 4)) - 1;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** Which status may follow which: planned → active or ended; active ↔ paused; anything open → ended; ended is final. */
export function canMoveAdoption(from: AdoptionStatus, to: AdoptionStatus): boolean {
  if (from === to) return false;
  if (from === 'ended') return false;
  if (to === 'planned') return false;
  if (from === 'planned') return to === 'active' || to === 'ended';
  return true;
}

/** Units (counting units) with at least one active adoption on a date. */
export function unitsActiveOn(adoptions: readonly AdoptionFacts[], units: ReadonlyMap<string, CoverageUnit>, date: string): Set<string> {
  const out = new Set<string>();
  for (const a of adoptions) {
    if (statusOn(a.events, date) !== 'active') continue;
    const u = countingUnitOf(a.unitId, units);
    if (u) out.add(u);
  }
  return out;
}

/** Units (counting units) with a report dated after one year before the date and on or before it. */
export function unitsReportingWithinYear(reports: readonly ReportFacts[], units: ReadonlyMap<string, CoverageUnit>, date: string): Set<string> {
  const from = yearBefore(date);
  const out = new Set<string>();
  for (const r of reports) {
    if (r.date <= from || r.date > date) continue;
    const u = countingUnitOf(r.unitId, units);
    if (u) out.add(u);
  }
  return out;
}

/** Coverage of one service area (or group) on a date. */
export interface AreaCoverage {
  key: string;
  units: number;
  withActive: number;
  withPlan: number;
  /** Percent, 0–100, one decimal; null when the area has no units. */
  activeShare: number | null;
  planShare: number | null;
}

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

/** The units counted in coverage (kind `unit` with an area), each with its area. */
export function eligibleUnits(units: readonly CoverageUnit[], mapping: AreaMapping): { unit: CoverageUnit; area: string }[] {
  const out: { unit: CoverageUnit; area: string }[] = [];
  for (const u of units) {
    if (u.kind !== 'unit') continue;
    const area = areaOfUnit(u, mapping);
    if (area && mapping.areas.some((a) => a.key === area)) out.push({ unit: u, area });
  }
  return out;
}

/**
 * Coverage on a date: per service area and per indicator group, the number of units, those with
 * at least one active measure, and those with sustainability in their plan (PLAN_RULE_NB).
 */
export function coverageOn(units: readonly CoverageUnit[], mapping: AreaMapping, adoptions: readonly AdoptionFacts[], reports: readonly ReportFacts[], date: string): { areas: AreaCoverage[]; groups: AreaCoverage[]; active: Set<string>; plan: Set<string> } {
  const byId = new Map(units.map((u) => [u.id, u]));
  const active = unitsActiveOn(adoptions, byId, date);
  const reporting = unitsReportingWithinYear(reports, byId, date);
  const plan = new Set([...active].filter((id) => reporting.has(id)));
  const eligible = eligibleUnits(units, mapping);
  const tally = (key: string, members: { unit: CoverageUnit }[]): AreaCoverage => {
    const withActive = members.filter((m) => active.has(m.unit.id)).length;
    const withPlan = members.filter((m) => plan.has(m.unit.id)).length;
    return { key, units: members.length, withActive, withPlan, activeShare: pct(withActive, members.length), planShare: pct(withPlan, members.length) };
  };
  const areas = mapping.areas.map((a) => tally(a.key, eligible.filter((e) => e.area === a.key)));
  const groupKeys = [...new Set(mapping.areas.map((a) => a.group))];
  const groups = groupKeys.map((g) => tally(g, eligible.filter((e) => mapping.areas.find((a) => a.key === e.area)?.group === g)));
  return { areas, groups, active, plan };
}

/** The share (percent) of a group's units with sustainability in their plan on 31 December of each year. */
export function planShareByYear(units: readonly CoverageUnit[], mapping: AreaMapping, adoptions: readonly AdoptionFacts[], reports: readonly ReportFacts[], group: string, years: readonly number[]): { year: number; units: number; withPlan: number; share: number | null }[] {
  return years.map((year) => {
    const g = coverageOn(units, mapping, adoptions, reports, `${year}-12-31`).groups.find((x) => x.key === group);
    return { year, units: g?.units ?? 0, withPlan: g?.withPlan ?? 0, share: g?.planShare ?? null };
  });
}

/** Eligible units with no active measure on the date (for follow-up), by area then name. */
export function unitsWithoutActive(units: readonly CoverageUnit[], mapping: AreaMapping, adoptions: readonly AdoptionFacts[], date: string): { unit: CoverageUnit; area: string; hasAny: boolean }[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const active = unitsActiveOn(adoptions, byId, date);
  const any = new Set(adoptions.filter((a) => a.events.some((e) => e.date <= date)).map((a) => countingUnitOf(a.unitId, byId)));
  const order = new Map(mapping.areas.map((a, i) => [a.key, i]));
  return eligibleUnits(units, mapping)
    .filter((e) => !active.has(e.unit.id))
    .map((e) => ({ ...e, hasAny: any.has(e.unit.id) }))
    .sort((a, b) => (order.get(a.area)! - order.get(b.area)!) || a.unit.name.localeCompare(b.unit.name, 'nb'));
}

/** Units × measures: the status of each adoption on the date, keyed by counting unit then measure. */
export function adoptionMatrix(units: readonly CoverageUnit[], adoptions: readonly AdoptionFacts[], date: string): Map<string, Map<string, AdoptionStatus>> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const rank: Record<AdoptionStatus, number> = { active: 3, paused: 2, planned: 1, ended: 0 };
  const out = new Map<string, Map<string, AdoptionStatus>>();
  for (const a of adoptions) {
    const s = statusOn(a.events, date);
    const u = countingUnitOf(a.unitId, byId);
    if (!s || !u) continue;
    const row = out.get(u) ?? new Map<string, AdoptionStatus>();
    const prev = row.get(a.measureId);
    if (!prev || rank[s] > rank[prev]) row.set(a.measureId, s);
    out.set(u, row);
  }
  return out;
}

/** A measure of the catalogue as an editor writes it. */
export interface MeasureInput {
  titleNb: string;
  titleEn: string;
  descriptionNb: string;
  descriptionEn?: string | null;
  areas: readonly string[];
  programPoints: readonly string[];
  sourceTitle?: string | null;
  sourceUrl?: string | null;
}

const PROGRAM_POINT = /^[A-C]\d{1,2}$/;

/** Every problem with a measure, each naming its field, in Norwegian. */
export function validateMeasure(m: MeasureInput, areas: readonly ServiceArea[]): ServiceIssue[] {
  const out: ServiceIssue[] = [];
  const len = (s: string | null | undefined) => (s ?? '').trim().length;
  if (len(m.titleNb) < 3) out.push({ field: 'titleNb', message: 'Skriv en tittel på bokmål (minst 3 tegn)' });
  else if (len(m.titleNb) > 120) out.push({ field: 'titleNb', message: 'Tittelen kan være høyst 120 tegn' });
  if (len(m.titleEn) < 3) out.push({ field: 'titleEn', message: 'Skriv en tittel på engelsk (minst 3 tegn)' });
  else if (len(m.titleEn) > 120) out.push({ field: 'titleEn', message: 'Den engelske tittelen kan være høyst 120 tegn' });
  if (len(m.descriptionNb) < 10) out.push({ field: 'descriptionNb', message: 'Beskriv tiltaket (minst 10 tegn)' });
  else if (len(m.descriptionNb) > 2000) out.push({ field: 'descriptionNb', message: 'Beskrivelsen kan være høyst 2000 tegn' });
  if (len(m.descriptionEn) > 2000) out.push({ field: 'descriptionEn', message: 'Den engelske beskrivelsen kan være høyst 2000 tegn' });
  if (m.areas.length === 0) out.push({ field: 'areas', message: 'Velg minst ett tjenesteområde' });
  else {
    const unknown = m.areas.filter((a) => !areas.some((x) => x.key === a));
    if (unknown.length) out.push({ field: 'areas', message: `Ukjent tjenesteområde: ${unknown.join(', ')}` });
    else if (new Set(m.areas).size !== m.areas.length) out.push({ field: 'areas', message: 'Et tjenesteområde er valgt to ganger' });
  }
  if (m.programPoints.length === 0) out.push({ field: 'programPoints', message: 'Oppgi minst ett programpunkt, for eksempel C2' });
  else if (m.programPoints.some((p) => !PROGRAM_POINT.test(p))) out.push({ field: 'programPoints', message: 'Programpunkt skrives som bokstav og tall, for eksempel C2 eller A6' });
  const url = (m.sourceUrl ?? '').trim();
  if (url && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(url)) out.push({ field: 'sourceUrl', message: 'Kildelenken må være en https-adresse' });
  if (url && len(m.sourceTitle) === 0) out.push({ field: 'sourceTitle', message: 'Gi kilden et navn' });
  if (len(m.sourceTitle) > 200) out.push({ field: 'sourceTitle', message: 'Kildenavnet kan være høyst 200 tegn' });
  return out;
}

/** A unit's report as it is written. */
export interface ReportInput {
  date: string;
  text: string;
  participants?: number | null;
  meals?: number | null;
}

/** Every problem with a report: a date not after today and not before the adoption, some text, whole non-negative figures. */
export function validateServiceReport(r: ReportInput, today: string, adoptedOn: string): ServiceIssue[] {
  const out: ServiceIssue[] = [];
  if (!isIsoDate(r.date)) out.push({ field: 'date', message: 'Skriv datoen som åååå-mm-dd' });
  else if (r.date > today) out.push({ field: 'date', message: 'Rapportdatoen kan ikke være etter i dag' });
  else if (r.date < adoptedOn) out.push({ field: 'date', message: `Rapportdatoen kan ikke være før tiltaket ble tatt i bruk (${adoptedOn})` });
  const text = r.text.trim();
  if (text.length < 10) out.push({ field: 'text', message: 'Skriv noen ord om hva som er gjort (minst 10 tegn)' });
  else if (text.length > 4000) out.push({ field: 'text', message: 'Teksten kan være høyst 4000 tegn' });
  for (const [field, label] of [['participants', 'Antall deltakere'], ['meals', 'Antall måltider']] as const) {
    const v = r[field];
    if (v === null || v === undefined) continue;
    if (!Number.isInteger(v) || v < 0) out.push({ field, message: `${label} må være et helt tall, 0 eller mer` });
    else if (v > 1_000_000) out.push({ field, message: `${label} kan være høyst 1 000 000` });
  }
  return out;
}

/** Checks a status change: a known status, an allowed move, a date not before the last change and not after today. */
export function validateStatusChange(events: readonly AdoptionEvent[], to: string, date: string, today: string): ServiceIssue[] {
  if (!(ADOPTION_STATUSES as readonly string[]).includes(to)) return [{ field: 'status', message: `Ukjent status: ${to}` }];
  const last = events.at(-1);
  const out: ServiceIssue[] = [];
  if (last && !canMoveAdoption(last.status, to as AdoptionStatus)) out.push({ field: 'status', message: `Et ${ADOPTION_STATUS_NB[last.status]} tiltak kan ikke bli ${ADOPTION_STATUS_NB[to as AdoptionStatus]}` });
  if (!isIsoDate(date)) out.push({ field: 'date', message: 'Skriv datoen som åååå-mm-dd' });
  else if (date > today) out.push({ field: 'date', message: 'Datoen kan ikke være etter i dag' });
  else if (last && date < last.date) out.push({ field: 'date', message: `Datoen kan ikke være før forrige endring (${last.date})` });
  return out;
}
