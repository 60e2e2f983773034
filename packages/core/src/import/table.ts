// Shared parsing of Norwegian spreadsheet exports (CSV from Excel/LibreOffice) for every import.
import Papa from 'papaparse';

// TextDecoder is a global in Node and browsers; core compiles with lib ES2023 and no DOM/node types.
declare const TextDecoder: new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => {
  decode(input: Uint8Array): string;
};

/** A problem with one input row (line is the 1-based physical line in the file), message in Norwegian and English. */
export interface RowIssue {
  line: number;
  field: string | null;
  message: string;
  messageEn: string;
}

/** Character encoding detected by decodeText. */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le';

/** Result of decodeText. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Column delimiter detected by parseCsv. */
export type CsvDelimiter = ';' | ',' | '\t';

/** One data row: its starting physical line and cells keyed by normalised header name. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/** Result of parseCsv. */
export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  delimiter: CsvDelimiter;
  issues: RowIssue[];
}

/** Decodes file bytes: strips a UTF-8 BOM, decodes UTF-8, falls back to windows-1252 (UTF-16LE if it has a BOM). */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

// Bytes 0x80–0x9F of windows-1252 (WHATWG table). Decoded by hand: Node 20's TextDecoder('windows-1252')
// actually decodes ISO-8859-1 and turns € – ‘ ’ “ ” … into C1 control characters.
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  bytes.forEach((b, i) => (units[i] = b >= 0x80 && b < 0xa0 ? CP1252_80_9F.charCodeAt(b - 0x80) : b));
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
  return text;
}

function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  let content = false; // the header is the first line with a non-blank cell
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (quoted) {
      content = true;
    } else if (ch === '\n' || ch === '\r') {
      if (content) break;
      counts[';'] = counts['\t'] = counts[','] = 0;
    } else if (ch === ';' || ch === '\t' || ch === ',') counts[ch]++;
    else if (ch.trim() !== '') content = true;
  }
  // Order gives the tie-break: ';' beats tab beats ','.
  return (['\t', ','] as const).reduce<CsvDelimiter>((best, d) => (counts[d] > counts[best] ? d : best), ';');
}

/** Parses CSV text: detects ; , or tab from the header line (; wins ties), lower-cases/trims header names, trims cells and skips empty lines. */
export function parseCsv(text: string): CsvTable {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = detectDelimiter(src);
  // Physical line of a character offset: count \r\n, \n and lone \r before it.
  const breaks: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) breaks.push(i);
  }
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };

  let header: string[] | null = null;
  const rows: CsvRow[] = [];
  const issues: RowIssue[] = [];
  let start = 0;
  Papa.parse<string[]>(src, {
    delimiter,
    step: (result) => {
      const line = lineAt(start);
      start = result.meta.cursor;
      for (const e of result.errors) {
        issues.push({ line, field: null, message: `Feil i CSV-formatet: ${e.message}`, messageEn: `Malformed CSV: ${e.message}` });
      }
      const cells = result.data.map((c) => c.trim());
      if (cells.every((c) => c === '')) return;
      if (header === null) {
        const seen = new Map<string, number>();
        header = cells.map((c, i) => {
          const name = c.toLowerCase() || `_${i + 1}`;
          const n = (seen.get(name) ?? 0) + 1;
          seen.set(name, n);
          return n === 1 ? name : `${name}_${n}`;
        });
        return;
      }
      const h = header;
      const record: Record<string, string> = {};
      h.forEach((name, i) => (record[name] = cells[i] ?? ''));
      cells.slice(h.length).forEach((c, i) => {
        if (c !== '') record[`_${h.length + i + 1}`] = c;
      });
      rows.push({ line, cells: record });
    },
  });
  return { header: header ?? [], rows, delimiter, issues };
}

const GROUPED = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;
const PLAIN = /^\d+(?:[.,]\d+)?$/;

/** Parses "1 234,5", "1234.5", "1\u00a0234,5", "−12,3"; null for empty, units, "1,234,5" or anything else unclean. */
export function parseNorwegianNumber(s: string): number | null {
  let t = s.trim();
  let sign = '';
  if (t.startsWith('-') || t.startsWith('\u2212')) {
    sign = '-';
    t = t.slice(1);
  }
  if (!GROUPED.test(t) && !PLAIN.test(t)) return null;
  const n = Number(sign + t.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n + 0 : null; // + 0 turns -0 into 0
}

/** Parses "2024-12-31" or "31.12.2024" (also "1.2.2024") to ISO "YYYY-MM-DD"; null for non-existent dates or other formats. */
export function parseIsoOrNorwegianDate(s: string): string | null {
  const t = s.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t) ?? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = t.includes('-') ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (year < 1 || days === undefined || day < 1 || day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Maps rows to values; a mapper returning an array rejects the row with those issues (an empty array gets a generic issue). */
export function collectRows<R extends { line: number }, T>(
  rows: readonly R[],
  mapRow: (row: R) => T | RowIssue[],
): { ok: T[]; issues: RowIssue[] } {
  const ok: T[] = [];
  const issues: RowIssue[] = [];
  for (const row of rows) {
    const result = mapRow(row);
    if (!Array.isArray(result)) ok.push(result);
    else if (result.length > 0) issues.push(...(result as RowIssue[]));
    else issues.push({ line: row.line, field: null, message: 'Raden ble avvist', messageEn: 'Row rejected' });
  }
  return { ok, issues };
}
