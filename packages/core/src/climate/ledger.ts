// Ledger exports from municipal accounting systems, read byte by byte as they stream in.
// One pass, no string per cell unless a caller asks for it: a 1 000 000-line file is parsed,
// validated and aggregated in about the time DuckDB needs (bench/climate.bench.js).
import { decodeText } from '../import/table.js';

/** The columns of a ledger line, by their canonical (Norwegian) names. */
export const LEDGER_COLUMNS = ['dato', 'ansvar', 'art', 'funksjon', 'prosjekt', 'orgnr', 'leverandor', 'belop', 'tekst'] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

/** Columns a ledger must have. */
export const REQUIRED_LEDGER_COLUMNS: readonly LedgerColumn[] = ['dato', 'ansvar', 'art', 'funksjon', 'belop'];

/** Header names recognised for each column (normalised: lower case, spaces and hyphens as `_`). */
export const LEDGER_HEADER_NAMES: Record<LedgerColumn, readonly string[]> = {
  dato: ['dato', 'bilagsdato', 'date', 'posteringsdato', 'bokføringsdato', 'bokforingsdato', 'voucher_date'],
  ansvar: ['ansvar', 'unit', 'ansvarsnummer', 'ansvarssted', 'responsibility'],
  art: ['art', 'account', 'artskonto', 'konto'],
  funksjon: ['funksjon', 'function', 'tjeneste'],
  prosjekt: ['prosjekt', 'project'],
  orgnr: ['orgnr', 'leverandor_orgnr', 'leverandør_orgnr', 'supplier_orgnr', 'organisasjonsnummer', 'org_nr'],
  leverandor: ['leverandor', 'leverandør', 'leverandor_navn', 'leverandør_navn', 'leverandørnavn', 'leverandornavn', 'supplier', 'supplier_name'],
  belop: ['belop', 'beløp', 'amount', 'belop_eks_mva', 'beløp_eks_mva', 'beløp_eksl_mva', 'amount_ex_vat', 'netto'],
  tekst: ['tekst', 'description', 'beskrivelse', 'text'],
};

/** Normalises a header cell for matching: trimmed, lower case, spaces/hyphens/dots as `_`. */
export function normaliseHeader(s: string): string {
  return s.trim().toLowerCase().replace(/[\s\-.]+/g, '_');
}

/** The column a `--map` key names: a canonical column or any recognised header alias; null if unknown. */
export function ledgerColumnOf(key: string): LedgerColumn | null {
  const k = normaliseHeader(key);
  for (const c of LEDGER_COLUMNS) if (c === k || LEDGER_HEADER_NAMES[c].includes(k)) return c;
  return null;
}

/** A problem with one ledger line (1-based physical line of the record's start; the header is line 1). */
export interface LedgerError {
  line: number;
  field: string | null;
  message: string;
}

/** Valid KOSTRA codes as lookup tables indexed by the three-digit code. */
export interface KostraCodes {
  year: number;
  arts: Uint8Array;
  funksjoner: Uint8Array;
}

/** Builds lookup tables from lists of three-digit codes (the KOSTRA control program's lists). */
export function kostraCodes(year: number, arts: readonly string[], funksjoner: readonly string[]): KostraCodes {
  const a = new Uint8Array(1000);
  const f = new Uint8Array(1000);
  for (const c of arts) if (/^\d{3}$/.test(c)) a[Number(c)] = 1;
  for (const c of funksjoner) if (/^\d{3}$/.test(c)) f[Number(c)] = 1;
  return { year, arts: a, funksjoner: f };
}

const NL = 10;
const CR = 13;
const QUOTE = 34;
const MAX_FIELDS = 64;

/** The current record of a LedgerReader: field positions in its buffer, decoded only on request. */
export class LedgerCursor {
  buf: Uint8Array = new Uint8Array(0);
  line = 0;
  count = 0;
  readonly starts = new Int32Array(MAX_FIELDS);
  readonly ends = new Int32Array(MAX_FIELDS);
  /** 1 when a quoted field holds doubled quotes that must be unescaped. */
  readonly escaped = new Uint8Array(MAX_FIELDS);

  /** True when field i is missing or blank. */
  isEmpty(i: number): boolean {
    if (i < 0 || i >= this.count) return true;
    const b = this.buf;
    for (let p = this.starts[i]!, e = this.ends[i]!; p < e; p++) {
      const c = b[p]!;
      if (c !== 32 && c !== 9) return false;
    }
    return true;
  }

  /** Field i as trimmed text (ASCII fast path; otherwise UTF-8, falling back to windows-1252). */
  str(i: number): string {
    if (i < 0 || i >= this.count) return '';
    const b = this.buf;
    let s = this.starts[i]!;
    let e = this.ends[i]!;
    while (s < e && (b[s] === 32 || b[s] === 9)) s++;
    while (e > s && (b[e - 1] === 32 || b[e - 1] === 9)) e--;
    let ascii = true;
    for (let p = s; p < e; p++) {
      if (b[p]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    let out: string;
    if (ascii && e - s <= 32) {
      // Short ASCII cells (codes, invoice texts): a char loop beats a decoder call per cell.
      out = '';
      for (let p = s; p < e; p++) out += String.fromCharCode(b[p]!);
    } else if (ascii) {
      out = '';
      for (let p = s; p < e; p += 4096) out += String.fromCharCode.apply(null, b.subarray(p, Math.min(e, p + 4096)) as unknown as number[]);
    } else out = decodeText(b.subarray(s, e)).text;
    return this.escaped[i] ? out.replace(/""/g, '"') : out;
  }

  private readonly interned = new Map<number, { bytes: Uint8Array; str: string }>();

  /**
   * Like str(), but equal cells give the same string from a cache: for columns with few
   * distinct values (ansvar, supplier, project), which saves decoding and memory per line.
   */
  strInterned(i: number): string {
    if (i < 0 || i >= this.count || this.escaped[i]) return this.str(i);
    const b = this.buf;
    const s = this.starts[i]!;
    const e = this.ends[i]!;
    if (e - s > 64) return this.str(i);
    let h = 0x811c9dc5 ^ (e - s);
    for (let p = s; p < e; p++) h = Math.imul(h ^ b[p]!, 0x01000193);
    const hit = this.interned.get(h);
    if (hit && hit.bytes.length === e - s) {
      let same = true;
      for (let p = s, q = 0; p < e; p++, q++) {
        if (hit.bytes[q] !== b[p]) {
          same = false;
          break;
        }
      }
      if (same) return hit.str;
    }
    const str = this.str(i);
    if (!hit && this.interned.size < 100_000) this.interned.set(h, { bytes: b.slice(s, e), str });
    return str;
  }

  /** Field i read as an amount in øre: sign, digits, spaces or no-break spaces between thousands, `,` or `.` decimals. NaN if not an amount. */
  ore(i: number): number {
    if (i < 0 || i >= this.count) return NaN;
    const b = this.buf;
    let p = this.starts[i]!;
    let e = this.ends[i]!;
    while (p < e && (b[p] === 32 || b[p] === 9)) p++;
    while (e > p && (b[e - 1] === 32 || b[e - 1] === 9)) e--;
    if (p >= e) return NaN;
    let neg = false;
    if (b[p] === 45 /* - */) {
      neg = true;
      p++;
    } else if (b[p] === 0xe2 && b[p + 1] === 0x88 && b[p + 2] === 0x92 /* U+2212 − */) {
      neg = true;
      p += 3;
    }
    // The decimal mark is the last `,` or `.` followed by 1–2 digits only; anything earlier is grouping.
    let dec = -1;
    for (let q = e - 1; q >= p && q >= e - 3; q--) {
      const c = b[q]!;
      if (c === 44 || c === 46) {
        dec = q;
        break;
      }
    }
    let whole = 0;
    let digits = 0;
    let grouped = false;
    const intEnd = dec < 0 ? e : dec;
    for (let q = p; q < intEnd; q++) {
      const c = b[q]!;
      if (c >= 48 && c <= 57) {
        whole = whole * 10 + (c - 48);
        digits++;
      } else if (c === 32 || c === 0xa0 || c === 46 || c === 44) grouped = true;
      else if (c === 0xc2 && b[q + 1] === 0xa0) {
        grouped = true;
        q++;
      } else if (c === 0xe2 && b[q + 1] === 0x80 && b[q + 2] === 0xaf) {
        grouped = true;
        q += 2;
      } else return NaN;
    }
    if (digits === 0 || digits > 15) return NaN;
    if (grouped && (!this.groupsOk(p, intEnd) || (dec >= 0 && b.indexOf(b[dec]!, p) < dec))) return NaN;
    let frac = 0;
    if (dec >= 0) {
      const n = e - dec - 1;
      if (n < 1 || n > 2) return NaN;
      for (let q = dec + 1; q < e; q++) {
        const c = b[q]!;
        if (c < 48 || c > 57) return NaN;
        frac = frac * 10 + (c - 48);
      }
      if (n === 1) frac *= 10;
    }
    const v = whole * 100 + frac;
    return neg ? -v : v + 0;
  }

  // Groups of exactly three digits after the first group, one separator kind: "1 234 567", "1.234.567".
  private groupsOk(p: number, e: number): boolean {
    const b = this.buf;
    let run = 0;
    let first = true;
    let sep = -1;
    for (let q = p; q < e; q++) {
      const c = b[q]!;
      if (c >= 48 && c <= 57) {
        run++;
        continue;
      }
      let kind = c;
      if (c === 0xc2 || c === 0xa0) kind = 0xa0;
      if (c === 0xe2) kind = 0xa0;
      if (c === 0xc2) q++;
      else if (c === 0xe2) q += 2;
      if (kind === 0xa0) kind = 32;
      if (sep >= 0 && sep !== kind) return false;
      sep = kind;
      if ((first && (run < 1 || run > 3)) || (!first && run !== 3)) return false;
      first = false;
      run = 0;
    }
    return run === 3;
  }

  /** Field i as a KOSTRA code: the first three of at least three digits (local sub-accounts such as 11501 belong to 115); -1 if not. */
  code3(i: number): number {
    if (i < 0 || i >= this.count) return -1;
    const b = this.buf;
    let p = this.starts[i]!;
    let e = this.ends[i]!;
    while (p < e && (b[p] === 32 || b[p] === 9)) p++;
    while (e > p && (b[e - 1] === 32 || b[e - 1] === 9)) e--;
    if (e - p < 3 || e - p > 8) return -1;
    let v = 0;
    for (let q = p; q < e; q++) {
      const c = b[q]!;
      if (c < 48 || c > 57) return -1;
      if (q < p + 3) v = v * 10 + (c - 48);
    }
    return v;
  }

  /** Field i as a date, yyyymmdd as a number: "2025-03-31", "31.03.2025", "1.3.2025", "20250331"; NaN if no such date. */
  date(i: number): number {
    if (i < 0 || i >= this.count) return NaN;
    const b = this.buf;
    let p = this.starts[i]!;
    let e = this.ends[i]!;
    while (p < e && (b[p] === 32 || b[p] === 9)) p++;
    while (e > p && (b[e - 1] === 32 || b[e - 1] === 9)) e--;
    const n = e - p;
    let y = 0;
    let m = 0;
    let d = 0;
    if (n === 10 && b[p + 4] === 45 && b[p + 7] === 45) {
      y = dig(b, p) * 1000 + dig(b, p + 1) * 100 + dig(b, p + 2) * 10 + dig(b, p + 3);
      m = dig(b, p + 5) * 10 + dig(b, p + 6);
      d = dig(b, p + 8) * 10 + dig(b, p + 9);
    } else if (n === 8 && b[p + 1] !== 46 && b[p + 2] !== 46) {
      y = dig(b, p) * 1000 + dig(b, p + 1) * 100 + dig(b, p + 2) * 10 + dig(b, p + 3);
      m = dig(b, p + 4) * 10 + dig(b, p + 5);
      d = dig(b, p + 6) * 10 + dig(b, p + 7);
    } else {
      // d.m.yyyy with one or two digits for day and month
      const dot1 = b.indexOf(46, p);
      const dot2 = dot1 < 0 ? -1 : b.indexOf(46, dot1 + 1);
      if (dot1 < 0 || dot2 < 0 || dot2 >= e) return NaN;
      const dl = dot1 - p;
      const ml = dot2 - dot1 - 1;
      if (dl < 1 || dl > 2 || ml < 1 || ml > 2 || e - dot2 - 1 !== 4) return NaN;
      d = dl === 1 ? dig(b, p) : dig(b, p) * 10 + dig(b, p + 1);
      m = ml === 1 ? dig(b, dot1 + 1) : dig(b, dot1 + 1) * 10 + dig(b, dot1 + 2);
      y = dig(b, dot2 + 1) * 1000 + dig(b, dot2 + 2) * 100 + dig(b, dot2 + 3) * 10 + dig(b, dot2 + 4);
    }
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return NaN;
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
    return d > days ? NaN : y * 10000 + m * 100 + d;
  }

  /** Field i as an organisation number (9 digits with a valid MOD11 check digit; spaces allowed); 0 if blank, -1 if invalid. */
  orgnr(i: number): number {
    if (this.isEmpty(i)) return 0;
    const b = this.buf;
    let v = 0;
    let k = 0;
    let sum = 0;
    for (let q = this.starts[i]!, e = this.ends[i]!; q < e; q++) {
      const c = b[q]!;
      if (c >= 48 && c <= 57) {
        if (k < 8) sum += (c - 48) * ORG_WEIGHTS[k]!;
        else if (k === 8) {
          const check = 11 - (sum % 11);
          if ((check === 11 ? 0 : check) !== c - 48) return -1;
        }
        v = v * 10 + (c - 48);
        k++;
      } else if (c !== 32 && c !== 9 && c !== 0xa0) return -1;
    }
    return k === 9 ? v : -1;
  }
}

const ORG_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

// A digit's value; a large negative number for anything else, so that a date with a non-digit fails the range checks.
function dig(b: Uint8Array, q: number): number {
  const c = b[q]!;
  return c >= 48 && c <= 57 ? c - 48 : -100000;
}

/** How the reader found the file. */
export interface LedgerFormat {
  separator: ';' | ',' | '\t';
  header: string[];
  /** Column → index in the file, -1 when absent. */
  columns: Record<LedgerColumn, number>;
}

export interface LedgerReaderOptions {
  /** Manual mapping: column → header text in the file (overrides recognition). */
  map?: Partial<Record<LedgerColumn, string>>;
  /** Called once with the header's interpretation; an error list means the file cannot be read (missing columns). */
  onHeader?(format: LedgerFormat, errors: LedgerError[]): void;
  /** Called for each non-empty record after the header; the cursor is reused, read it before returning. */
  onRecord(cursor: LedgerCursor, format: LedgerFormat): void;
  /** The columns the caller reads (default all): fields after the last of them are not split. */
  columns?: readonly LedgerColumn[];
}

/**
 * Streaming CSV reader for ledger exports: push byte chunks in any sizes, then end().
 * Handles a UTF-8 BOM, `;`/`,`/tab separators (detected from the header), CRLF, quoted
 * fields with separators, doubled quotes and line breaks.
 */
export class LedgerReader {
  private carry: Uint8Array | null = null;
  private started = false;
  private sep = 59;
  private line = 1;
  private format: LedgerFormat | null = null;
  private failed = false;
  /** Index of the last field split in a record (all until the header says which columns are read). */
  private lastField = MAX_FIELDS - 2;
  readonly cursor = new LedgerCursor();
  /** Bytes consumed so far (for progress). */
  bytes = 0;

  constructor(private readonly options: LedgerReaderOptions) {}

  /** Feeds the next chunk. */
  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    // A plain Uint8Array view (not a Buffer subclass) keeps every byte access monomorphic.
    let buf = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    if (this.carry) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry, 0);
      buf.set(chunk, this.carry.length);
      this.carry = null;
    }
    let pos = 0;
    if (!this.started) {
      if (buf.length < 3 && !this.ending) {
        this.carry = buf;
        return;
      }
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    }
    pos = this.consume(buf, pos, false);
    // A copy: the caller may reuse its buffer (and Buffer#slice would be a view).
    if (pos < buf.length) this.carry = new Uint8Array(buf.subarray(pos));
  }

  private ending = false;

  /** Flushes the last record (a file need not end with a line break). */
  end(): void {
    this.ending = true;
    if (!this.started) {
      const rest = this.carry ?? new Uint8Array(0);
      this.carry = null;
      this.push(rest);
      this.bytes -= rest.length;
    }
    if (this.carry && this.carry.length) {
      const buf = this.carry;
      this.carry = null;
      this.consume(buf, 0, true);
    }
    if (!this.format && !this.failed) this.header(null);
  }

  /** Reads complete records from buf starting at pos; returns where the unread rest starts. */
  private consume(buf: Uint8Array, pos: number, last: boolean): number {
    const n = buf.length;
    const cur = this.cursor;
    cur.buf = buf;
    const starts = cur.starts;
    const ends = cur.ends;
    let nextQuote = buf.indexOf(QUOTE, pos);
    if (nextQuote < 0) nextQuote = n;
    while (pos < n) {
      if (this.failed) return n;
      if (!this.format) this.sep = detectSeparator(buf, pos);
      let nl = buf.indexOf(NL, pos);
      if (nl < 0) {
        if (!last) return pos;
        nl = n;
      }
      if (nextQuote < nl) {
        const end = this.quoted(buf, pos, last);
        if (end < 0) return pos;
        pos = end + 1;
        nextQuote = buf.indexOf(QUOTE, pos);
        if (nextQuote < 0) nextQuote = n;
        continue;
      }
      let e = nl;
      if (e > pos && buf[e - 1] === CR) e--;
      const sep = this.sep;
      const lastField = this.lastField;
      const escaped = cur.escaped;
      let k = 0;
      let s = pos;
      for (let i = pos; i < e; i++) {
        if (buf[i] === sep) {
          starts[k] = s;
          ends[k] = i;
          escaped[k] = 0;
          k++;
          s = i + 1;
          // Fields after the last one the caller reads are not split (the rest of the line is skipped).
          if (k > lastField) break;
        }
      }
      if (k <= lastField) {
        starts[k] = s;
        ends[k] = e;
        escaped[k] = 0;
        k++;
      }
      cur.count = k;
      cur.line = this.line;
      this.line++;
      if (!(k === 1 && s === e)) this.record();
      pos = nl + 1;
    }
    return pos;
  }

  /** Reads one record that contains quotes; returns the index of its terminating newline (or n at the end), -1 if incomplete. */
  private quoted(buf: Uint8Array, pos: number, last: boolean): number {
    const n = buf.length;
    const cur = this.cursor;
    const sep = this.sep;
    let k = 0;
    let i = pos;
    let breaks = 0;
    for (;;) {
      // one field
      let s = i;
      let e: number;
      let esc = 0;
      if (buf[i] === QUOTE) {
        s = i + 1;
        i++;
        for (;;) {
          if (i >= n) return last ? this.finishBroken(pos) : -1;
          const c = buf[i]!;
          if (c === QUOTE) {
            if (buf[i + 1] === QUOTE) {
              esc = 1;
              i += 2;
              continue;
            }
            if (i + 1 >= n && !last) return -1;
            break;
          }
          if (c === NL) breaks++;
          i++;
        }
        e = i;
        i++; // past the closing quote; anything up to the separator is ignored
        while (i < n && buf[i] !== sep && buf[i] !== NL) i++;
      } else {
        while (i < n && buf[i] !== sep && buf[i] !== NL) i++;
        e = i;
        if (e > s && i < n && buf[i] === NL && buf[e - 1] === CR) e--;
        else if (i >= n && e > s && buf[e - 1] === CR) e--;
      }
      if (k < MAX_FIELDS) {
        cur.starts[k] = s;
        cur.ends[k] = e;
        cur.escaped[k] = esc;
        k++;
      }
      if (i >= n) {
        if (!last) return -1;
        break;
      }
      if (buf[i] === NL) break;
      i++; // separator
    }
    cur.count = k;
    cur.line = this.line;
    this.line += 1 + breaks;
    this.record();
    return i;
  }

  // An unterminated quote at the end of the file: one error for the record's line.
  private finishBroken(pos: number): number {
    const cur = this.cursor;
    cur.count = 0;
    cur.line = this.line;
    if (this.format) this.brokenLine = cur.line;
    else this.header(null);
    void pos;
    return cur.buf.length;
  }

  /** Line of a record with an unterminated quote at the end of the file, or 0. */
  brokenLine = 0;

  /** The physical line the next record starts on (1-based; the header is line 1). */
  get nextLine(): number {
    return this.line;
  }

  /**
   * True when everything pushed so far ended at a record boundary: no partial record is
   * waiting for more bytes. A byte range that ends at a newline inside a quoted field is not
   * at a boundary, so a caller that split a file there can tell and read on.
   */
  get atBoundary(): boolean {
    return this.carry === null || this.carry.length === 0;
  }

  private record(): void {
    if (!this.format) {
      this.header(this.cursor);
      return;
    }
    this.options.onRecord(this.cursor, this.format);
  }

  private header(cur: LedgerCursor | null): void {
    const header: string[] = [];
    if (cur) for (let i = 0; i < cur.count; i++) header.push(cur.str(i).replace(/^\uFEFF/, ''));
    const columns = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, -1])) as Record<LedgerColumn, number>;
    const errors: LedgerError[] = [];
    const norm = header.map(normaliseHeader);
    for (const c of LEDGER_COLUMNS) {
      const manual = this.options.map?.[c];
      if (manual !== undefined) {
        const idx = norm.indexOf(normaliseHeader(manual));
        if (idx < 0) errors.push({ line: 1, field: c, message: `Fant ikke kolonnen «${manual}» som ${c} skulle hentes fra` });
        columns[c] = idx;
        continue;
      }
      columns[c] = norm.findIndex((h) => LEDGER_HEADER_NAMES[c].includes(h));
    }
    for (const c of REQUIRED_LEDGER_COLUMNS) {
      if (columns[c] < 0 && this.options.map?.[c] === undefined) {
        errors.push({ line: 1, field: c, message: `Mangler kolonnen ${c} (kjente navn: ${LEDGER_HEADER_NAMES[c].join(', ')}); velg den i kolonneoppsettet` });
      }
    }
    const sep = String.fromCharCode(this.sep) as LedgerFormat['separator'];
    this.format = { separator: sep, header, columns };
    const read = (this.options.columns ?? LEDGER_COLUMNS).map((c) => columns[c]).filter((i) => i >= 0);
    this.lastField = Math.min(MAX_FIELDS - 2, Math.max(header.length - 1, 0), read.length ? Math.max(...read) : MAX_FIELDS - 2);
    this.options.onHeader?.(this.format, errors);
    if (errors.length) this.failed = true;
  }
}

/**
 * Where the header record of a ledger ends: the offset just past its line break (a line break
 * outside quotes; a UTF-8 BOM and blank lines before it are skipped), or -1 when `buf` holds
 * no complete header. A reader that is pushed `buf.subarray(0, end)` and then any byte range
 * of the same file that starts at a record boundary reads that range as if it had read the
 * whole file up to it, except for line numbers (see LedgerReader.nextLine).
 */
export function ledgerHeaderEnd(buf: Uint8Array): number {
  let i = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let inQ = false;
  let content = false;
  for (; i < buf.length; i++) {
    const c = buf[i]!;
    if (c === QUOTE) {
      inQ = !inQ;
      content = true;
    } else if (c === NL && !inQ) {
      if (content) return i + 1;
    } else if (c !== CR) content = true;
  }
  return -1;
}

/** Picks the separator of the header line: the most frequent of `;`, `,` and tab outside quotes (`;` on ties). */
function detectSeparator(buf: Uint8Array, pos: number): number {
  let semi = 0;
  let comma = 0;
  let tab = 0;
  let inQ = false;
  for (let i = pos; i < buf.length; i++) {
    const c = buf[i]!;
    if (c === QUOTE) inQ = !inQ;
    else if (!inQ) {
      if (c === NL) break;
      if (c === 59) semi++;
      else if (c === 44) comma++;
      else if (c === 9) tab++;
    }
  }
  if (tab > semi && tab > comma) return 9;
  return comma > semi ? 44 : 59;
}
