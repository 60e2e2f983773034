// The green business cluster (B7): member companies with a theme, events with the members who
// attended, collaboration projects between members, and a suggestion list of local companies
// whose industry code (SN2007) fits a theme of the cluster. Pure.
import { isIsoDate } from '../foodwaste/registration.js';
import type { GrantIssue } from './grants.js';

/** A theme of the cluster (data/reference/enterprise/cluster-themes.json). */
export interface ClusterTheme {
  key: string;
  nb: string;
  en: string;
}

/** One rule of the SN2007 → theme mapping: codes starting with `prefix` fit `theme`, for the reason given. */
export interface ThemeRule {
  prefix: string;
  theme: string;
  rationale: string;
}

/** The theme an SN2007 code fits, by the longest matching prefix; null when none fits. */
export function themeOfCode(code: string | null | undefined, rules: readonly ThemeRule[]): ThemeRule | null {
  if (!code) return null;
  let best: ThemeRule | null = null;
  for (const r of rules) if (code.startsWith(r.prefix) && (!best || r.prefix.length > best.prefix.length)) best = r;
  return best;
}

export interface ClusterMemberInput {
  organisationId: string;
  theme: string;
  joinedOn: string;
  leftOn?: string | null;
  description: string;
}

/** Checks a membership: a known theme, a join date, a leaving date not before it, and a public description of what the member does. */
export function validateClusterMember(m: ClusterMemberInput, themes: readonly ClusterTheme[]): GrantIssue[] {
  const out: GrantIssue[] = [];
  if (!m.organisationId) out.push({ field: 'organisationId', message: 'Velg virksomheten fra organisasjonsregisteret' });
  if (!themes.some((t) => t.key === m.theme)) out.push({ field: 'theme', message: 'Velg et tema for klyngen' });
  if (!isIsoDate(m.joinedOn)) out.push({ field: 'joinedOn', message: 'Skriv innmeldingsdatoen som åååå-mm-dd' });
  if (m.leftOn) {
    if (!isIsoDate(m.leftOn)) out.push({ field: 'leftOn', message: 'Skriv utmeldingsdatoen som åååå-mm-dd' });
    else if (isIsoDate(m.joinedOn) && m.leftOn < m.joinedOn) out.push({ field: 'leftOn', message: 'Utmeldingen er før innmeldingen' });
  }
  if (m.description.trim().length < 10) out.push({ field: 'description', message: 'Beskriv med minst 10 tegn hva virksomheten gjør (vises på den offentlige siden)' });
  return out;
}

/** Whether a member is a member on the date (joined on or before it, not yet left). */
export const clusterMemberOn = (m: { joinedOn: string; leftOn: string | null }, date: string) => m.joinedOn <= date && (m.leftOn === null || m.leftOn > date);

export interface ClusterEventInput {
  title: string;
  date: string;
  participantIds: string[];
}

/** Checks an event: a title, a date, and participants who are all members (each once). */
export function validateClusterEvent(e: ClusterEventInput, memberIds: ReadonlySet<string>): GrantIssue[] {
  const out: GrantIssue[] = [];
  if (!e.title.trim()) out.push({ field: 'title', message: 'Gi arrangementet en tittel' });
  if (!isIsoDate(e.date)) out.push({ field: 'date', message: 'Skriv datoen som åååå-mm-dd' });
  if (new Set(e.participantIds).size !== e.participantIds.length) out.push({ field: 'participantIds', message: 'En deltaker er ført opp to ganger' });
  else if (e.participantIds.some((id) => !memberIds.has(id))) out.push({ field: 'participantIds', message: 'Bare medlemmer av klyngen kan føres som deltakere' });
  return out;
}

export interface ClusterProjectInput {
  title: string;
  description: string;
  theme: string;
  startDate: string;
  endDate?: string | null;
  memberIds: string[];
}

/** Checks a collaboration project: a title and description, a theme, an end not before the start, and two or more distinct members. */
export function validateClusterProject(p: ClusterProjectInput, themes: readonly ClusterTheme[], memberIds: ReadonlySet<string>): GrantIssue[] {
  const out: GrantIssue[] = [];
  if (!p.title.trim()) out.push({ field: 'title', message: 'Gi prosjektet en tittel' });
  if (p.description.trim().length < 10) out.push({ field: 'description', message: 'Beskriv prosjektet med minst 10 tegn' });
  if (!themes.some((t) => t.key === p.theme)) out.push({ field: 'theme', message: 'Velg et tema for prosjektet' });
  const startOk = isIsoDate(p.startDate);
  if (!startOk) out.push({ field: 'startDate', message: 'Skriv startdatoen som åååå-mm-dd' });
  if (p.endDate) {
    if (!isIsoDate(p.endDate)) out.push({ field: 'endDate', message: 'Skriv sluttdatoen som åååå-mm-dd' });
    else if (startOk && p.endDate < p.startDate) out.push({ field: 'endDate', message: 'Sluttdatoen er før startdatoen' });
  }
  const distinct = new Set(p.memberIds);
  if (distinct.size !== p.memberIds.length) out.push({ field: 'memberIds', message: 'Et medlem er ført opp to ganger' });
  else if (distinct.size < 2) out.push({ field: 'memberIds', message: 'Et samarbeidsprosjekt har minst to medlemmer' });
  else if (p.memberIds.some((id) => !memberIds.has(id))) out.push({ field: 'memberIds', message: 'Bare medlemmer av klyngen kan være med i et klyngeprosjekt' });
  return out;
}

/** The quarters (period "2024-Q2", its last day) from the quarter of `first` through the last quarter ended on or before `asOf`. */
export function clusterQuarters(first: string, asOf: string): { period: string; date: string }[] {
  const out: { period: string; date: string }[] = [];
  if (!isIsoDate(first) || !isIsoDate(asOf.slice(0, 10))) return out; // never loop on a malformed date
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  for (let y = Number(first.slice(0, 4)), q = Math.floor((Number(first.slice(5, 7)) - 1) / 3); ; q === 3 ? (y++, (q = 0)) : q++) {
    const date = `${y}-${ends[q]}`;
    if (date > asOf) break;
    out.push({ period: `${y}-Q${q + 1}`, date });
  }
  return out;
}

export interface ClusterCandidate {
  id: string;
  name: string;
  industryCode: string | null;
  employees: number | null;
}

/**
 * Local companies that are not members (or have left) and whose SN2007 code fits a theme, with
 * the rule that matched; the largest by employees first (unknown last), then by name.
 */
export function suggestClusterMembers<T extends ClusterCandidate>(orgs: readonly T[], memberOrgIds: ReadonlySet<string>, rules: readonly ThemeRule[]): (T & { theme: string; rule: ThemeRule })[] {
  return orgs
    .filter((o) => !memberOrgIds.has(o.id))
    .map((o) => ({ o, rule: themeOfCode(o.industryCode, rules) }))
    .filter((x): x is { o: T; rule: ThemeRule } => x.rule !== null)
    .map(({ o, rule }) => ({ ...o, theme: rule.theme, rule }))
    .sort((a, b) => (b.employees ?? -1) - (a.employees ?? -1) || a.name.localeCompare(b.name, 'nb'));
}
