import { isIsoDate } from '../foodwaste/registration.js';

/** A vocational trade (lærefag) as data: data/reference/apprenticeships/trades.json. */
export interface Trade {
  key: string;
  nb: string;
  en: string;
  /** The upper-secondary programme it belongs to (utdanningsprogram), e.g. "helse-og-oppvekstfag". */
  programme: string;
}

/** The life of an apprenticeship place: open (advertised) → filled → completed | dropped_out. */
export const PLACE_STATUSES = ['open', 'filled', 'completed', 'dropped_out'] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];

const NEXT: Record<PlaceStatus, readonly PlaceStatus[]> = {
  open: ['filled'],
  filled: ['completed', 'dropped_out'],
  completed: [],
  dropped_out: [],
};

/** Norwegian names of the statuses, for messages. */
export const PLACE_STATUS_NB: Record<PlaceStatus, string> = { open: 'ledig', filled: 'besatt', completed: 'fullført', dropped_out: 'avbrutt' };

/** True when a place may go from one status to another (or stay). */
export function canMovePlace(from: PlaceStatus, to: PlaceStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

/** A place as registered: at a municipal unit or a local business, in one trade. */
export interface PlaceInput {
  unitId: string | null;
  organisationId: string | null;
  tradeKey: string;
  startDate: string;
  endDate: string;
  status: string;
  /** The county training office's contract reference (never a national identity number). */
  contractRef: string | null;
}

export interface PlaceIssue {
  field: string;
  message: string;
}

/** MOD11 check of an 11-digit Norwegian national identity number (fødselsnummer or D-number). */
export function isNationalIdNumber(s: string): boolean {
  const d = s.replace(/\s/g, '');
  if (!/^\d{11}$/.test(d)) return false;
  const n = [...d].map(Number);
  const k1w = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const k2w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const mod = (w: number[]) => {
    const r = 11 - (w.reduce((s, x, i) => s + x * n[i]!, 0) % 11);
    return r === 11 ? 0 : r;
  };
  const k1 = mod(k1w);
  const k2 = mod(k2w);
  return k1 !== 10 && k2 !== 10 && k1 === n[9] && k2 === n[10];
}

/**
 * Checks a place: a unit or a business (not both), a known trade, real dates with the end after
 * the start and at most six years apart, a known status, and a contract reference that is not a
 * national identity number (the register holds no personal identity numbers). Every problem, in Norwegian.
 */
export function validatePlace(input: PlaceInput, trades: readonly Trade[]): PlaceIssue[] {
  const issues: PlaceIssue[] = [];
  if ((input.unitId === null) === (input.organisationId === null)) issues.push({ field: 'unitId', message: 'Velg enten en kommunal enhet eller en bedrift' });
  if (!trades.some((t) => t.key === input.tradeKey)) issues.push({ field: 'tradeKey', message: `Ukjent lærefag «${input.tradeKey}»` });
  const startOk = isIsoDate(input.startDate);
  const endOk = isIsoDate(input.endDate);
  if (!startOk) issues.push({ field: 'startDate', message: 'Ugyldig startdato' });
  if (!endOk) issues.push({ field: 'endDate', message: 'Ugyldig sluttdato' });
  if (startOk && endOk) {
    if (input.endDate <= input.startDate) issues.push({ field: 'endDate', message: `Sluttdatoen (${input.endDate}) må være etter startdatoen (${input.startDate})` });
    else if (Date.parse(input.endDate) - Date.parse(input.startDate) > 6 * 366 * 86_400_000) issues.push({ field: 'endDate', message: 'En læretid er sjelden over seks år; sjekk årstallet' });
  }
  if (!(PLACE_STATUSES as readonly string[]).includes(input.status)) issues.push({ field: 'status', message: `Ukjent status «${input.status}»` });
  const ref = input.contractRef?.trim() ?? '';
  if (ref) {
    if (isNationalIdNumber(ref) || /\b\d{6}\s?\d{5}\b/.test(ref)) issues.push({ field: 'contractRef', message: 'Dette ser ut som et fødselsnummer. Registeret lagrer ikke personnummer; bruk opplæringskontorets kontraktsnummer.' });
    else if (ref.length > 40) issues.push({ field: 'contractRef', message: 'Kontraktsnummeret kan ha høyst 40 tegn' });
  } else if (input.status === 'filled' || input.status === 'completed') {
    issues.push({ field: 'contractRef', message: 'En besatt plass trenger kontraktsnummeret fra opplæringskontoret' });
  }
  return issues;
}

/** A place as the counts see it. */
export interface PlaceFacts {
  id: string;
  unitId: string | null;
  organisationId: string | null;
  tradeKey: string;
  startDate: string;
  endDate: string;
  status: PlaceStatus;
  /** When a dropped-out place ended early (else the planned end counts). */
  closedOn: string | null;
}

/**
 * An apprentice is counted on a date when the place is filled (or later completed or dropped out)
 * and the date lies within its term: from the start to the end, or to the day it was dropped.
 * Open places (no apprentice yet) never count.
 */
export function isActiveOn(p: PlaceFacts, date: string): boolean {
  if (p.status === 'open') return false;
  const end = p.status === 'dropped_out' && p.closedOn ? p.closedOn : p.endDate;
  return p.startDate <= date && date <= end;
}

/** Apprentices counted on 31 December of each year (the program's reporting date). */
export function apprenticesByYear(places: readonly PlaceFacts[], years: readonly number[]): { year: number; count: number }[] {
  return years.map((year) => ({ year, count: places.filter((p) => isActiveOn(p, `${year}-12-31`)).length }));
}

/**
 * The road to a multiple of a baseline (the program: three times as many apprentices): the
 * baseline count in its year, growing in a straight line to multiplier × baseline in the target
 * year. Returns the expected count for each year from baseline to target, rounded up.
 */
export function trajectory(baselineYear: number, baselineCount: number, targetYear: number, multiplier = 3): { year: number; expected: number }[] {
  if (targetYear <= baselineYear) return [{ year: baselineYear, expected: baselineCount }];
  const out: { year: number; expected: number }[] = [];
  for (let y = baselineYear; y <= targetYear; y++) out.push({ year: y, expected: Math.ceil(baselineCount + ((multiplier - 1) * baselineCount * (y - baselineYear)) / (targetYear - baselineYear)) });
  return out;
}

/** For each year, the businesses whose first place (by start date) started that year. */
export function firstTimeBusinesses(places: readonly PlaceFacts[]): Map<number, string[]> {
  const first = new Map<string, string>();
  for (const p of places) {
    if (!p.organisationId || p.status === 'open') continue;
    const seen = first.get(p.organisationId);
    if (!seen || p.startDate < seen) first.set(p.organisationId, p.startDate);
  }
  const out = new Map<number, string[]>();
  for (const [org, date] of first) {
    const y = Number(date.slice(0, 4));
    out.set(y, [...(out.get(y) ?? []), org]);
  }
  return out;
}

/** Counts of active apprentices on a date by a key of the place (unit, trade, sector …); keys with none are left out. */
export function countBy(places: readonly PlaceFacts[], date: string, key: (p: PlaceFacts) => string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of places) {
    if (!isActiveOn(p, date)) continue;
    const k = key(p);
    if (k !== null) out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/**
 * Units with no apprentice on a date, largest staff first — where HR can ask next. A unit counts
 * as having apprentices when it or a unit below it has one (`unitsBelow` gives each unit's subtree).
 */
export function unitsWithout<U extends { id: string; staff: number; kind: string }>(units: readonly U[], places: readonly PlaceFacts[], date: string, unitsBelow: (id: string) => readonly string[]): U[] {
  const withApprentice = new Set(places.filter((p) => p.unitId && isActiveOn(p, date)).map((p) => p.unitId!));
  return units
    .filter((u) => u.kind === 'unit' && u.staff > 0 && !unitsBelow(u.id).some((id) => withApprentice.has(id)))
    .sort((a, b) => b.staff - a.staff);
}
