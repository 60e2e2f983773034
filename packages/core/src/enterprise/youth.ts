// Pupil and youth enterprises (A5): school company programmes such as Ungt Entreprenørskap's
// elevbedrift and ungdomsbedrift, registered with school, year, idea, outcome and the support
// the municipality gave. Pure.
import { isValidOrgNumber } from '../organisations/orgnr.js';
import type { GrantIssue } from './grants.js';

/** How a school company ended: still running, completed the school year, continued as a business (with an org. number), won a prize, or closed early. */
export const YOUTH_OUTCOMES = ['ongoing', 'completed', 'continued', 'prize', 'closed'] as const;
export type YouthOutcome = (typeof YOUTH_OUTCOMES)[number];

export interface YouthCompanyInput {
  name: string;
  /** A municipal school (unit) or, for schools the municipality does not run, a name. */
  schoolUnitId?: string | null;
  schoolName?: string | null;
  year: number;
  idea: string;
  participants: number;
  outcome: string;
  orgNumber?: string | null;
  prize?: string | null;
  support: string;
  supportNok?: number | null;
}

/** Checks a youth company; `thisYear` bounds the year (no companies registered for years ahead). */
export function validateYouthCompany(c: YouthCompanyInput, thisYear: number): GrantIssue[] {
  const out: GrantIssue[] = [];
  if (!c.name.trim()) out.push({ field: 'name', message: 'Skriv navnet på elevbedriften' });
  if (!c.schoolUnitId && !c.schoolName?.trim()) out.push({ field: 'school', message: 'Velg skolen, eller skriv navnet på den' });
  if (c.schoolUnitId && c.schoolName?.trim()) out.push({ field: 'school', message: 'Velg enten en kommunal skole eller skriv et skolenavn, ikke begge' });
  if (!Number.isInteger(c.year) || c.year < 2000 || c.year > thisYear + 1) out.push({ field: 'year', message: `Året må være mellom 2000 og ${thisYear + 1}` });
  if (c.idea.trim().length < 10) out.push({ field: 'idea', message: 'Beskriv forretningsideen med minst 10 tegn' });
  if (!Number.isInteger(c.participants) || c.participants < 1 || c.participants > 200) out.push({ field: 'participants', message: 'Antall deltakere må være et helt tall fra 1 til 200' });
  if (!(YOUTH_OUTCOMES as readonly string[]).includes(c.outcome)) out.push({ field: 'outcome', message: 'Velg et utfall' });
  const nr = c.orgNumber?.trim();
  if (c.outcome === 'continued' && !nr) out.push({ field: 'orgNumber', message: 'En bedrift som er videreført, trenger organisasjonsnummeret sitt' });
  else if (nr && !isValidOrgNumber(nr)) out.push({ field: 'orgNumber', message: `Organisasjonsnummeret ${nr} er ikke gyldig (9 sifre med riktig kontrollsiffer)` });
  if (c.outcome === 'prize' && !c.prize?.trim()) out.push({ field: 'prize', message: 'Skriv hvilken pris bedriften vant' });
  if (!c.support.trim()) out.push({ field: 'support', message: 'Skriv hva kommunen bidro med (veiledning, lokaler, tilskudd …)' });
  const s = c.supportNok;
  if (s !== null && s !== undefined && !(Number.isFinite(s) && s >= 0)) out.push({ field: 'supportNok', message: 'Støttebeløpet må være 0 kr eller mer' });
  return out;
}

/** A5: youth companies per year (every registered company is one the municipality supported), for the given years. */
export function youthCompaniesByYear(cs: readonly { year: number }[], years: readonly number[]): { year: number; count: number }[] {
  return years.map((year) => ({ year, count: cs.filter((c) => c.year === year).length }));
}
