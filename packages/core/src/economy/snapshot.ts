// Employment snapshots: establishments (sub-units) with their jobs on a date, from a CSV/XLSX table
// (orgnr;navn;naeringskode;ansatte;dato) or a Brønnøysund (Enhetsregisteret) underenheter document.
import type { CsvRow } from '../import/table.js';
import { parseIsoOrNorwegianDate, parseNorwegianNumber } from '../import/table.js';
import { normaliseOrgNumber, isValidOrgNumber } from '../organisations/orgnr.js';
import { parseBrregDocument, filterByMunicipality } from '../organisations/brreg.js';

/** One establishment in a snapshot. */
export interface SnapshotEstablishment {
  orgNumber: string;
  name: string;
  industryCode: string | null;
  employees: number;
  municipalityNumber: string | null;
  parentOrgNumber: string | null;
  lat: number | null;
  lon: number | null;
  /** 1-based line (CSV) or entry number (JSON) it came from. */
  line: number;
}

/** A problem with one line or entry: `field` names the column or JSON path. */
export interface SnapshotIssue {
  line: number;
  field: string | null;
  message: string;
  messageEn: string;
}

/** Columns of the snapshot table; the first name is the canonical one, the rest are accepted aliases (lower case). */
export const SNAPSHOT_COLUMNS: Record<string, readonly string[]> = {
  orgnr: ['orgnr', 'organisasjonsnummer', 'org_number'],
  navn: ['navn', 'name'],
  naeringskode: ['naeringskode', 'næringskode', 'naeringskode1', 'industry_code', 'sn2007'],
  ansatte: ['ansatte', 'antallansatte', 'antall_ansatte', 'employees'],
  dato: ['dato', 'date'],
  kommunenummer: ['kommunenummer', 'municipality_number'],
  overordnet: ['overordnet', 'overordnetenhet', 'parent'],
  lat: ['lat', 'breddegrad', 'latitude'],
  lon: ['lon', 'lengdegrad', 'longitude'],
};
const REQUIRED = ['orgnr', 'navn', 'naeringskode', 'ansatte', 'dato'] as const;

/** Finds the header cell used for each canonical column; missing required columns are listed. */
export function snapshotHeader(header: readonly string[]): { columns: Record<string, string | null>; missing: string[] } {
  const lower = header.map((h) => h.trim().toLowerCase());
  const columns: Record<string, string | null> = {};
  for (const [k, aliases] of Object.entries(SNAPSHOT_COLUMNS)) {
    const i = lower.findIndex((h) => aliases.includes(h));
    columns[k] = i < 0 ? null : header[i]!;
  }
  return { columns, missing: REQUIRED.filter((c) => columns[c] === null) };
}

const CODE = /^\d{2}(\.\d{1,3})?$/;

/**
 * Reads snapshot rows (cells keyed by header as read by parseCsv): each row one establishment on a
 * date. Every bad cell is reported with its line and column; an org number twice on one date is an
 * error. `knownCode` (optional) rejects codes that are not in SN2007.
 */
export function parseSnapshotRows(header: readonly string[], rows: readonly CsvRow[], knownCode?: (code: string) => boolean): { byDate: Map<string, SnapshotEstablishment[]>; issues: SnapshotIssue[] } {
  const { columns, missing } = snapshotHeader(header);
  const issues: SnapshotIssue[] = [];
  if (missing.length) return { byDate: new Map(), issues: missing.map((m) => ({ line: 1, field: m, message: `Kolonnen «${m}» mangler i første linje`, messageEn: `Column "${m}" is missing from the first line` })) };
  const byDate = new Map<string, SnapshotEstablishment[]>();
  const seen = new Map<string, number>();
  for (const r of rows) {
    const cell = (k: string) => (columns[k] ? (r.cells[columns[k]!] ?? r.cells[columns[k]!.toLowerCase()] ?? '').trim() : '');
    if (Object.keys(SNAPSHOT_COLUMNS).every((k) => cell(k) === '')) continue;
    const bad = (field: string, message: string, messageEn: string) => issues.push({ line: r.line, field, message, messageEn });
    const before = issues.length;
    const rawOrg = cell('orgnr');
    const org = normaliseOrgNumber(rawOrg);
    if (rawOrg === '') bad('orgnr', 'Mangler organisasjonsnummer', 'Missing organisation number');
    else if (org === null) bad('orgnr', `«${rawOrg}» er ikke et organisasjonsnummer med 9 siffer`, `"${rawOrg}" is not a 9-digit organisation number`);
    else if (!isValidOrgNumber(org)) bad('orgnr', `Organisasjonsnummeret ${org} har feil kontrollsiffer (MOD11)`, `Organisation number ${org} fails the MOD11 check digit`);
    const name = cell('navn');
    if (name === '') bad('navn', 'Mangler navn', 'Missing name');
    else if (name.length > 200) bad('navn', 'Navnet er lengre enn 200 tegn', 'Name longer than 200 characters');
    const code = cell('naeringskode');
    if (code !== '' && !CODE.test(code)) bad('naeringskode', `«${code}» er ikke en SN2007-kode (f.eks. 71.129)`, `"${code}" is not an SN2007 code (e.g. 71.129)`);
    else if (code !== '' && knownCode && !knownCode(code)) bad('naeringskode', `Næringskoden ${code} finnes ikke i SN2007`, `Industry code ${code} is not in SN2007`);
    const rawEmp = cell('ansatte');
    const emp = rawEmp === '' ? null : parseNorwegianNumber(rawEmp);
    if (rawEmp === '') bad('ansatte', 'Mangler antall ansatte (skriv 0 hvis ingen)', 'Missing number of employees (write 0 if none)');
    else if (emp === null || !Number.isInteger(emp) || emp < 0) bad('ansatte', `«${rawEmp}» er ikke et helt tall på 0 eller mer`, `"${rawEmp}" is not a whole number of 0 or more`);
    else if (emp > 100_000) bad('ansatte', `${rawEmp} ansatte i én virksomhet er ikke troverdig`, `${rawEmp} employees in one establishment is not plausible`);
    const rawDate = cell('dato');
    const date = rawDate === '' ? null : parseIsoOrNorwegianDate(rawDate);
    if (rawDate === '') bad('dato', 'Mangler dato', 'Missing date');
    else if (date === null) bad('dato', `«${rawDate}» er ikke en dato (åååå-mm-dd eller dd.mm.åååå)`, `"${rawDate}" is not a date (yyyy-mm-dd or dd.mm.yyyy)`);
    const kommune = cell('kommunenummer');
    if (kommune !== '' && !/^\d{4}$/.test(kommune)) bad('kommunenummer', `«${kommune}» er ikke et kommunenummer med fire siffer`, `"${kommune}" is not a 4-digit municipality number`);
    const rawParent = cell('overordnet');
    const parent = rawParent === '' ? null : normaliseOrgNumber(rawParent);
    if (rawParent !== '' && (parent === null || !isValidOrgNumber(parent))) bad('overordnet', `«${rawParent}» er ikke et gyldig organisasjonsnummer`, `"${rawParent}" is not a valid organisation number`);
    const lat = cell('lat') === '' ? null : parseNorwegianNumber(cell('lat'));
    const lon = cell('lon') === '' ? null : parseNorwegianNumber(cell('lon'));
    if (cell('lat') !== '' && (lat === null || lat < -90 || lat > 90)) bad('lat', `«${cell('lat')}» er ikke en breddegrad`, `"${cell('lat')}" is not a latitude`);
    if (cell('lon') !== '' && (lon === null || lon < -180 || lon > 180)) bad('lon', `«${cell('lon')}» er ikke en lengdegrad`, `"${cell('lon')}" is not a longitude`);
    if ((lat === null) !== (lon === null)) bad(lat === null ? 'lat' : 'lon', 'Oppgi både breddegrad og lengdegrad, eller ingen av dem', 'Give both latitude and longitude, or neither');
    if (org && date && issues.length === before) {
      const key = `${date}|${org}`;
      const first = seen.get(key);
      if (first !== undefined) bad('orgnr', `Organisasjonsnummeret ${org} står to ganger for ${date} (også linje ${first})`, `Organisation number ${org} appears twice for ${date} (also line ${first})`);
      else seen.set(key, r.line);
    }
    if (issues.length > before) continue;
    const list = byDate.get(date!) ?? [];
    list.push({ orgNumber: org!, name, industryCode: code || null, employees: emp!, municipalityNumber: kommune || null, parentOrgNumber: parent, lat, lon, line: r.line });
    byDate.set(date!, list);
  }
  return { byDate, issues };
}

/**
 * Reads a Brønnøysund underenheter page or bulk array as the establishments of one snapshot date,
 * keeping those in the given municipality numbers (all when empty). Main units (enheter) are refused:
 * their employee count covers establishments elsewhere too. Issues carry the entry number and JSON path.
 */
export function snapshotFromBrreg(json: unknown, municipalityNumbers: readonly string[]): { establishments: SnapshotEstablishment[]; issues: SnapshotIssue[]; skippedOutside: number } {
  const doc = parseBrregDocument(json);
  if (doc.kind === 'enheter') return { establishments: [], issues: [{ line: 1, field: '$._embedded.enheter', message: 'Filen inneholder hovedenheter; sysselsetting telles per underenhet (virksomhet). Bruk underenheter.', messageEn: 'The file holds main units; employment is counted per sub-unit (establishment). Use underenheter.' }], skippedOutside: 0 };
  const issues: SnapshotIssue[] = doc.issues.map((i) => ({ line: i.index + 1, field: i.path, message: i.message, messageEn: i.messageEn }));
  const seen = new Set<string>();
  const base = doc.kind === 'bulk' ? '$' : '$._embedded.underenheter';
  const kept = municipalityNumbers.length ? filterByMunicipality(doc.entities, municipalityNumbers) : doc.entities;
  // Entry numbers refer to the file's own list (entries the parser rejected keep their place).
  const raw = Array.isArray(json) ? json : ((json as { _embedded?: { underenheter?: unknown[] } })._embedded?.underenheter ?? []);
  const index = new Map<string, number>();
  raw.forEach((x, i) => {
    const n = typeof x === 'object' && x !== null ? (x as { organisasjonsnummer?: unknown }).organisasjonsnummer : null;
    const org = typeof n === 'string' || typeof n === 'number' ? normaliseOrgNumber(String(n)) : null;
    if (org && !index.has(org)) index.set(org, i);
  });
  const establishments: SnapshotEstablishment[] = [];
  for (const e of kept) {
    const line = (index.get(e.orgNumber) ?? 0) + 1;
    if (seen.has(e.orgNumber)) {
      issues.push({ line, field: `${base}[${line - 1}].organisasjonsnummer`, message: `Organisasjonsnummeret ${e.orgNumber} står to ganger`, messageEn: `Organisation number ${e.orgNumber} appears twice` });
      continue;
    }
    seen.add(e.orgNumber);
    if (e.deleted || e.bankrupt) continue;
    const code = e.industryCode && CODE.test(e.industryCode) ? e.industryCode : null;
    establishments.push({ orgNumber: e.orgNumber, name: e.name.slice(0, 200), industryCode: code, employees: e.employees ?? 0, municipalityNumber: e.municipalityNumber, parentOrgNumber: e.parentOrgNumber, lat: null, lon: null, line });
  }
  return { establishments, issues, skippedOutside: doc.entities.length - kept.length };
}
