// Rows of exclusion lists and holdings reports, as read from CSV/XLSX or pasted from the
// Norges Bank page, checked and turned into entries. Every bad row is reported with its line.

import { parseIsoOrNorwegianDate, parseNorwegianNumber } from '../import/table.js';

export type ListDecision = 'exclusion' | 'observation';

export interface ExclusionListEntry {
  /** Line in the file or pasted text (header is line 1 in CSV). */
  line: number;
  name: string;
  isin: string | null;
  lei: string | null;
  country: string | null;
  category: string;
  criterion: string;
  decision: ListDecision;
  /** ISO date of the decision. */
  date: string | null;
  aliases: string[];
}

export interface HoldingRow {
  line: number;
  name: string;
  isin: string | null;
  lei: string | null;
  country: string | null;
  marketValueOre: number;
  /** Columns beyond the known ones, kept as they came. */
  extra: Record<string, string>;
}

export interface InvestmentRowProblem {
  line: number;
  field: string | null;
  message: string;
}

const ISIN = /^[A-Z]{2}[A-Z0-9]{9}[0-9]$/;
const LEI = /^[A-Z0-9]{18}[0-9]{2}$/;

/** True for a well-formed ISIN whose check digit (Luhn over the letters as numbers) is right. */
export function isValidIsin(s: string): boolean {
  if (!ISIN.test(s)) return false;
  const digits = s
    .split('')
    .map((c) => (c >= 'A' ? String(c.charCodeAt(0) - 55) : c))
    .join('');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** True for a well-formed LEI (ISO 17442) whose two check digits (ISO 7064 MOD 97-10) are right. */
export function isValidLei(s: string): boolean {
  if (!LEI.test(s)) return false;
  let rem = 0;
  for (const c of s) {
    const v = c >= 'A' ? String(c.charCodeAt(0) - 55) : c;
    for (const d of v) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

const pick = (cells: Record<string, string>, ...names: string[]) => {
  for (const n of names) {
    const v = cells[n];
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return '';
};

/** Reads a decision word in English or Norwegian; null when it is neither. */
export function parseDecision(s: string): ListDecision | 'revoked' | null {
  const t = s.trim().toLowerCase();
  if (!t) return 'exclusion';
  if (/revoked|opphevet|tilbakekalt|reversed/.test(t)) return 'revoked';
  if (/^(exclu|utelukk|ekskluder|excluded)/.test(t) || t === 'exclusion') return 'exclusion';
  if (/^(observ)/.test(t)) return 'observation';
  return null;
}

const ID_FIELDS = { isin: ['isin'], lei: ['lei'], country: ['country', 'land', 'country_code', 'landkode'] } as const;

function identifiers(cells: Record<string, string>, line: number, problems: InvestmentRowProblem[]) {
  const isin = pick(cells, ...ID_FIELDS.isin).replace(/\s/g, '').toUpperCase() || null;
  if (isin && !isValidIsin(isin)) problems.push({ line, field: 'isin', message: `Ugyldig ISIN «${isin}» (12 tegn med kontrollsiffer)` });
  const lei = pick(cells, ...ID_FIELDS.lei).replace(/\s/g, '').toUpperCase() || null;
  if (lei && !isValidLei(lei)) problems.push({ line, field: 'lei', message: `Ugyldig LEI «${lei}» (20 tegn med kontrollsifre)` });
  const country = pick(cells, ...ID_FIELDS.country).toUpperCase() || null;
  if (country && !/^[A-Z]{2}$/.test(country)) problems.push({ line, field: 'country', message: `Land må være en landkode på to bokstaver (ISO 3166), ikke «${country}»` });
  return { isin, lei, country };
}

/**
 * Checks rows of an exclusion list (columns name, isin, lei, country, category, criterion,
 * decision, date, aliases; only name required). Revoked entries are left out.
 */
export function exclusionListFromRows(rows: readonly { line: number; cells: Record<string, string> }[]): { entries: ExclusionListEntry[]; problems: InvestmentRowProblem[] } {
  const entries: ExclusionListEntry[] = [];
  const problems: InvestmentRowProblem[] = [];
  for (const { line, cells } of rows) {
    const name = pick(cells, 'name', 'navn', 'company', 'selskap');
    if (!name) {
      problems.push({ line, field: 'name', message: 'Navn mangler' });
      continue;
    }
    const ids = identifiers(cells, line, problems);
    const decision = parseDecision(pick(cells, 'decision', 'beslutning', 'vedtak'));
    if (decision === null) {
      problems.push({ line, field: 'decision', message: `Ukjent beslutning «${pick(cells, 'decision', 'beslutning', 'vedtak')}» (exclusion/utelukkelse eller observation/observasjon)` });
      continue;
    }
    const rawDate = pick(cells, 'date', 'dato');
    const date = rawDate ? parseIsoOrNorwegianDate(rawDate) : null;
    if (rawDate && !date) problems.push({ line, field: 'date', message: `Ugyldig dato «${rawDate}» (ÅÅÅÅ-MM-DD eller dd.mm.åååå)` });
    if (decision === 'revoked') continue;
    const aliases = pick(cells, 'aliases', 'alias', 'former_names', 'tidligere_navn')
      .split(/[;|]/)
      .map((a) => a.trim())
      .filter(Boolean);
    entries.push({ line, name, ...ids, category: pick(cells, 'category', 'kategori'), criterion: pick(cells, 'criterion', 'kriterium'), decision, date, aliases });
  }
  return { entries, problems };
}

const KNOWN_HOLDING = new Set(['name', 'navn', 'isin', 'lei', 'country', 'land', 'country_code', 'landkode', 'market_value_nok', 'markedsverdi_nok', 'markedsverdi']);

/** Checks rows of a custodian holdings report (name, isin, lei, country, market_value_nok; extra columns kept). */
export function holdingsFromRows(rows: readonly { line: number; cells: Record<string, string> }[]): { holdings: HoldingRow[]; problems: InvestmentRowProblem[] } {
  const holdings: HoldingRow[] = [];
  const problems: InvestmentRowProblem[] = [];
  for (const { line, cells } of rows) {
    const name = pick(cells, 'name', 'navn');
    const ids = identifiers(cells, line, problems);
    if (!name && !ids.isin && !ids.lei) {
      problems.push({ line, field: 'name', message: 'Navn mangler (og ingen ISIN eller LEI)' });
      continue;
    }
    const rawValue = pick(cells, 'market_value_nok', 'markedsverdi_nok', 'markedsverdi');
    let marketValueOre = 0;
    if (rawValue) {
      const v = parseNorwegianNumber(rawValue) ?? (/^-?\d+(\.\d+)?$/.test(rawValue.replace(/[\s,]/g, '')) ? Number(rawValue.replace(/[\s,]/g, '')) : null);
      if (v === null || !Number.isFinite(v)) problems.push({ line, field: 'market_value_nok', message: `Markedsverdi «${rawValue}» er ikke et tall` });
      else marketValueOre = Math.round(v * 100);
    }
    const extra: Record<string, string> = {};
    for (const [k, v] of Object.entries(cells)) if (!KNOWN_HOLDING.has(k) && v !== '') extra[k] = v;
    holdings.push({ line, name: name || ids.isin || ids.lei || '', ...ids, marketValueOre, extra });
  }
  return { holdings, problems };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+|#39);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });

const HEADER_WORDS = /^(company|selskap|selskapsnavn|name|navn)$/i;

/**
 * Reads the table Norges Bank publishes of companies excluded or under observation (company,
 * category, criterion, decision, date dd.mm.yyyy), pasted as HTML (a <table>) or as text
 * copied from the page (tab-separated, or columns apart by two or more spaces, or `;`/`|`).
 */
export function parseNorgesBankTable(input: string): { entries: ExclusionListEntry[]; problems: InvestmentRowProblem[] } {
  const rows: { line: number; cells: string[] }[] = [];
  if (/<t[dh][\s>]/i.test(input)) {
    const lineOf = (offset: number) => input.slice(0, offset).split('\n').length;
    for (const tr of input.matchAll(/<tr[\s\S]*?<\/tr>/gi)) {
      const cells = [...tr[0].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((c) => decodeEntities(c[1]!.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim());
      if (cells.some(Boolean)) rows.push({ line: lineOf(tr.index ?? 0), cells });
    }
  } else {
    input.split(/\r?\n/).forEach((l, i) => {
      if (!l.trim()) return;
      const sep = l.includes('\t') ? /\t/ : l.includes(';') ? /;/ : l.includes('|') ? /\|/ : /\s{2,}/;
      rows.push({ line: i + 1, cells: l.split(sep).map((c) => c.trim()) });
    });
  }
  let cols = { name: 0, category: 1, criterion: 2, decision: 3, date: 4 };
  const body = rows.filter((r, i) => {
    if (i === 0 && HEADER_WORDS.test(r.cells[0] ?? '')) {
      const find = (re: RegExp, d: number) => {
        const k = r.cells.findIndex((c) => re.test(c));
        return k >= 0 ? k : d;
      };
      cols = { name: 0, category: find(/categor|kategori/i, 1), criterion: find(/criteri|kriteri/i, 2), decision: find(/decision|beslutning|vedtak|type/i, 3), date: find(/date|dato|published|publisert/i, 4) };
      return false;
    }
    return true;
  });
  return exclusionListFromRows(
    body.map((r) => ({
      line: r.line,
      cells: { name: r.cells[cols.name] ?? '', category: r.cells[cols.category] ?? '', criterion: r.cells[cols.criterion] ?? '', decision: r.cells[cols.decision] ?? '', date: r.cells[cols.date] ?? '' },
    })),
  );
}

/** One company's data from a feed: revenue shares by activity (0…1) and absolute metrics. */
export interface CompanyDataRow {
  line: number;
  name: string;
  isin: string | null;
  year: number | null;
  source: string | null;
  revenueShares: Record<string, number>;
  metrics: Record<string, number>;
}

const NUMBER = (raw: string) => parseNorwegianNumber(raw) ?? (/^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : null);

/**
 * Reads a company data feed (CSV/XLSX rows): `name` (required), `isin`, `year`, `source`, then a
 * column per activity `revenue_share_<activity>` in per cent (0–100, decimal comma allowed) and
 * per absolute measure `metric_<name>` (e.g. `metric_coal_power_mw`). Every bad cell is named.
 */
export function companyDataFromRows(rows: readonly { line: number; cells: Record<string, string> }[]): { companies: CompanyDataRow[]; problems: InvestmentRowProblem[] } {
  const companies: CompanyDataRow[] = [];
  const problems: InvestmentRowProblem[] = [];
  for (const { line, cells } of rows) {
    const name = pick(cells, 'name', 'navn', 'company', 'selskap');
    const before = problems.length;
    if (!name) problems.push({ line, field: 'name', message: 'Navn mangler' });
    const isin = pick(cells, ...ID_FIELDS.isin).replace(/\s/g, '').toUpperCase() || null;
    if (isin && !isValidIsin(isin)) problems.push({ line, field: 'isin', message: `Ugyldig ISIN «${isin}» (12 tegn med kontrollsiffer)` });
    const yearText = pick(cells, 'year', 'år', 'ar');
    const year = yearText ? Number(yearText) : null;
    if (yearText && !(Number.isInteger(year) && year! >= 1990 && year! <= 2100)) problems.push({ line, field: 'year', message: `Året «${yearText}» er ikke et årstall` });
    const revenueShares: Record<string, number> = {};
    const metrics: Record<string, number> = {};
    for (const [col, raw] of Object.entries(cells)) {
      if (raw.trim() === '') continue;
      const share = /^revenue_share_([a-z0-9_]+)$/.exec(col);
      const metric = /^metric_([a-z0-9_]+)$/.exec(col);
      if (!share && !metric) continue;
      const v = NUMBER(raw);
      if (v === null || !Number.isFinite(v)) problems.push({ line, field: col, message: `«${raw}» er ikke et tall` });
      else if (share && (v < 0 || v > 100)) problems.push({ line, field: col, message: `Inntektsandelen må være mellom 0 og 100 %, ikke ${raw}` });
      else if (metric && v < 0) problems.push({ line, field: col, message: `Måltallet kan ikke være negativt (${raw})` });
      else if (share) revenueShares[share[1]!] = v / 100;
      else metrics[metric![1]!] = v;
    }
    if (problems.length === before) companies.push({ line, name, isin, year, source: pick(cells, 'source', 'kilde') || null, revenueShares, metrics });
  }
  return { companies, problems };
}
