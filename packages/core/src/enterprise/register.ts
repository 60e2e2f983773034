// The register of social enterprises and green start-ups (A4, B6) and the municipality's ways of
// working with them: reserved contracts, innovation partnerships, pre-commercial procurement,
// grants and pilots. Pure: checks and the yearly figures for the program, no clock, no storage.
import { isIsoDate } from '../foodwaste/registration.js';
import { isValidOrgNumber, normaliseOrgNumber } from '../organisations/orgnr.js';
import type { GrantIssue } from './grants.js';

/** What kind of venture: a social enterprise, a green start-up, or both at once. */
export const VENTURE_KINDS = ['social', 'green', 'both'] as const;
export type VentureKind = (typeof VENTURE_KINDS)[number];

/** The UN Sustainable Development Goals are numbered 1–17. */
export const VENTURE_SDG_COUNT = 17;

export interface VentureInput {
  name: string;
  /** Organisation number, when the venture has one (many start-ups and associations do not yet). */
  orgNumber?: string | null;
  kind: string;
  activity: string;
  impactArea: string;
  sdgs: number[];
}

/** Checks a venture: a name, a valid org. number (MOD11) if given, a known kind, what it does, its impact area, and 1–17 distinct SDGs within 1–17. */
export function validateVenture(v: VentureInput): GrantIssue[] {
  const out: GrantIssue[] = [];
  if (!v.name.trim()) out.push({ field: 'name', message: 'Skriv navnet på virksomheten' });
  const nr = v.orgNumber?.trim();
  if (nr && !isValidOrgNumber(nr)) out.push({ field: 'orgNumber', message: normaliseOrgNumber(nr) ? `Organisasjonsnummeret ${nr} har feil kontrollsiffer` : 'Organisasjonsnummeret må ha 9 sifre' });
  if (!(VENTURE_KINDS as readonly string[]).includes(v.kind)) out.push({ field: 'kind', message: 'Velg sosial entreprenør, grønn gründer eller begge' });
  if (v.activity.trim().length < 10) out.push({ field: 'activity', message: 'Beskriv hva virksomheten gjør med minst 10 tegn' });
  if (!v.impactArea.trim()) out.push({ field: 'impactArea', message: 'Skriv hvilket område virksomheten virker på (for eksempel arbeidsinkludering eller ombruk)' });
  if (!v.sdgs.length) out.push({ field: 'sdgs', message: 'Velg minst ett bærekraftsmål' });
  else if (v.sdgs.some((g) => !Number.isInteger(g) || g < 1 || g > VENTURE_SDG_COUNT)) out.push({ field: 'sdgs', message: 'Bærekraftsmålene er nummerert 1–17' });
  else if (new Set(v.sdgs).size !== v.sdgs.length) out.push({ field: 'sdgs', message: 'Et bærekraftsmål er valgt to ganger' });
  return out;
}

/**
 * Ways of working. The first three are contracts (counted and valued for A4):
 * - reserved_contract: a contract reserved for sheltered or work-integration enterprises
 *   (anskaffelsesforskriften § 9-1 / § 30-9; directive 2014/24/EU art. 20);
 * - innovation_partnership: develop and then buy a solution that does not exist yet;
 * - pre_commercial: pre-commercial procurement of research and development (outside the regulation).
 */
export const ENGAGEMENT_KINDS = ['reserved_contract', 'innovation_partnership', 'pre_commercial', 'grant', 'pilot'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];
export const CONTRACT_KINDS: readonly EngagementKind[] = ['reserved_contract', 'innovation_partnership', 'pre_commercial'];

export interface EngagementInput {
  kind: string;
  title: string;
  startDate: string;
  endDate?: string | null;
  valueNok?: number | null;
  tenderId?: string | null;
  applicationId?: string | null;
}

/**
 * Checks a way of working: a known kind and a title; an end not before the start; a value of
 * 0 or more (required for contracts, whose value makes the A4 spend figure); a tender only on a
 * contract; a grant must point at a granted application of a grant round.
 */
export function validateEngagement(e: EngagementInput): GrantIssue[] {
  const out: GrantIssue[] = [];
  const kind = e.kind as EngagementKind;
  if (!(ENGAGEMENT_KINDS as readonly string[]).includes(e.kind)) out.push({ field: 'kind', message: 'Velg en samarbeidsform' });
  if (!e.title.trim()) out.push({ field: 'title', message: 'Gi samarbeidet en tittel' });
  const startOk = isIsoDate(e.startDate);
  if (!startOk) out.push({ field: 'startDate', message: 'Skriv startdatoen som åååå-mm-dd' });
  if (e.endDate) {
    if (!isIsoDate(e.endDate)) out.push({ field: 'endDate', message: 'Skriv sluttdatoen som åååå-mm-dd' });
    else if (startOk && e.endDate < e.startDate) out.push({ field: 'endDate', message: 'Sluttdatoen er før startdatoen' });
  }
  const v = e.valueNok;
  if (v !== null && v !== undefined && !(Number.isFinite(v) && v >= 0)) out.push({ field: 'valueNok', message: 'Verdien må være 0 kr eller mer' });
  else if (CONTRACT_KINDS.includes(kind) && (v === null || v === undefined)) out.push({ field: 'valueNok', message: 'Oppgi kontraktens verdi (kr ekskl. mva.)' });
  if (e.tenderId && !CONTRACT_KINDS.includes(kind) && kind) out.push({ field: 'tenderId', message: 'Bare kontrakter kan knyttes til en konkurranse' });
  if (kind === 'grant' && !e.applicationId) out.push({ field: 'applicationId', message: 'Velg den innvilgede søknaden tilskuddet gjelder' });
  if (e.applicationId && kind !== 'grant') out.push({ field: 'applicationId', message: 'Bare tilskudd kan knyttes til en søknad' });
  return out;
}

/** One way of working as the figures need it (dates ISO, value in NOK). */
export interface EngagementFacts {
  ventureId: string;
  kind: EngagementKind;
  startDate: string;
  endDate: string | null;
  valueNok: number | null;
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;

/** Whether the engagement runs on the date (from its start through its end, or open-ended). */
export const engagementRunsOn = (e: Pick<EngagementFacts, 'startDate' | 'endDate'>, date: string) => e.startDate <= date && (e.endDate === null || e.endDate >= date);

/** Whether the engagement runs at some time in the year. */
export const engagementRunsIn = (e: Pick<EngagementFacts, 'startDate' | 'endDate'>, year: number) => e.startDate <= `${year}-12-31` && (e.endDate === null || e.endDate >= `${year}-01-01`);

/** A4: contracts (the three contract kinds) running on 31 December of the year. */
export function contractsAtYearEnd(es: readonly EngagementFacts[], year: number): number {
  return es.filter((e) => CONTRACT_KINDS.includes(e.kind) && engagementRunsOn(e, `${year}-12-31`)).length;
}

/**
 * A4: the value of contracts spent in the year, in NOK. A contract's value is spread evenly over
 * its days (start to end); an open-ended contract counts its whole value in its first year.
 */
export function contractSpendInYear(es: readonly EngagementFacts[], year: number): number {
  let sum = 0;
  for (const e of es) {
    if (!CONTRACT_KINDS.includes(e.kind) || !e.valueNok || !engagementRunsIn(e, year)) continue;
    if (e.endDate === null) {
      if (e.startDate.slice(0, 4) === String(year)) sum += e.valueNok;
      continue;
    }
    const from = e.startDate > `${year}-01-01` ? e.startDate : `${year}-01-01`;
    const to = e.endDate < `${year}-12-31` ? e.endDate : `${year}-12-31`;
    sum += (e.valueNok * days(from, to)) / days(e.startDate, e.endDate);
  }
  return sum;
}

/**
 * B6: green start-ups (kind green or both) that got support in the year: a grant decided that
 * year (its start date is the decision date), or a pilot or contract running in the year. Each
 * venture counts once.
 */
export function greenSupportedInYear(es: readonly EngagementFacts[], kindOf: (ventureId: string) => VentureKind | undefined, year: number): number {
  const ids = new Set<string>();
  for (const e of es) {
    const k = kindOf(e.ventureId);
    if (k !== 'green' && k !== 'both') continue;
    const hit = e.kind === 'grant' ? e.startDate.slice(0, 4) === String(year) : engagementRunsIn(e, year);
    if (hit) ids.add(e.ventureId);
  }
  return ids.size;
}
