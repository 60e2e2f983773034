// Validation of one ledger record and a one-pass summary of a whole ledger (parse → check →
// exclude → emissions → totals by unit and art) that needs no database.
import { LedgerReader, type KostraCodes, type LedgerColumn, type LedgerCursor, type LedgerError, type LedgerFormat } from './ledger.js';
import { exclusionOf, type DataKind, type EmissionModel, type ExclusionReason } from './factors.js';

/** The checked values of one record (reused between records). */
export interface LineValues {
  /** yyyymmdd */
  date: number;
  art: number;
  funksjon: number;
  ore: number;
  /** 0 when blank */
  orgnr: number;
}

/** A fresh LineValues. */
export function lineValues(): LineValues {
  return { date: 0, art: 0, funksjon: 0, ore: 0, orgnr: 0 };
}

/** Checks the record the cursor is on; fills `out`; pushes one error per bad field (Norwegian messages). */
export function checkLedgerRecord(cur: LedgerCursor, cols: Record<LedgerColumn, number>, codes: KostraCodes, out: LineValues, errors: LedgerError[]): boolean {
  const date = (out.date = cur.date(cols.dato));
  const art = (out.art = cur.code3(cols.art));
  const funksjon = (out.funksjon = cur.code3(cols.funksjon));
  const ore = (out.ore = cur.ore(cols.belop));
  const orgnr = (out.orgnr = cols.orgnr < 0 ? 0 : cur.orgnr(cols.orgnr));
  // The common case without allocations; the messages only for bad lines.
  if (date === date && art >= 0 && codes.arts[art] === 1 && funksjon >= 0 && codes.funksjoner[funksjon] === 1 && ore === ore && orgnr >= 0 && !cur.isEmpty(cols.ansvar)) return true;
  const line = cur.line;
  if (Number.isNaN(date)) errors.push({ line, field: 'dato', message: cur.isEmpty(cols.dato) ? 'Dato mangler' : `«${cur.str(cols.dato)}» er ikke en gyldig dato (bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)` });
  if (cur.isEmpty(cols.ansvar)) errors.push({ line, field: 'ansvar', message: 'Ansvar mangler' });
  if (art < 0 || !codes.arts[art]) errors.push({ line, field: 'art', message: cur.isEmpty(cols.art) ? 'Art mangler' : `Art «${cur.str(cols.art)}» finnes ikke i KOSTRA-artslista ${codes.year}` });
  if (funksjon < 0 || !codes.funksjoner[funksjon]) errors.push({ line, field: 'funksjon', message: cur.isEmpty(cols.funksjon) ? 'Funksjon mangler' : `Funksjon «${cur.str(cols.funksjon)}» finnes ikke i KOSTRA-funksjonslista ${codes.year}` });
  if (Number.isNaN(ore)) errors.push({ line, field: 'belop', message: cur.isEmpty(cols.belop) ? 'Beløp mangler' : `«${cur.str(cols.belop)}» er ikke et beløp (f.eks. 1 234,50 eller -99,90)` });
  if (orgnr < 0) errors.push({ line, field: 'orgnr', message: `«${cur.str(cols.orgnr)}» er ikke et gyldig organisasjonsnummer (9 siffer med kontrollsiffer)` });
  return false;
}

/** Kg and øre by the kind of data behind them. */
export type KindTotals = Record<DataKind, { ore: number; kg: number }>;

/** Empty totals per data kind. */
export function kindTotals(): KindTotals {
  return { supplier: { ore: 0, kg: 0 }, physical: { ore: 0, kg: 0 }, average: { ore: 0, kg: 0 }, not_computed: { ore: 0, kg: 0 } };
}

/** Result of summarising a ledger. */
export interface LedgerSummary {
  lines: number;
  valid: number;
  purchases: number;
  excluded: Record<ExclusionReason, { lines: number; ore: number }>;
  totalOre: number;
  totalKg: number;
  byKind: KindTotals;
  /** Emissions and spend of purchases by ansvar and art. */
  byUnitArt: { ansvar: string; art: number; ore: number; kg: number }[];
  errors: LedgerError[];
  errorCount: number;
  format: LedgerFormat | null;
  /** The physical line after the last one read (for the line numbers of a following range). */
  nextLine: number;
}

/** Most errors a summary or import lists (the count goes on). */
export const MAX_LISTED_ERRORS = 10_000;

/**
 * Parses, checks and aggregates a ledger in one pass: push chunks, then finish().
 * Purchases (lines not excluded by the rule) are summed by ansvar × art with their emissions.
 */
export class LedgerSummariser {
  private readonly reader: LedgerReader;
  private readonly values = lineValues();
  private readonly errs: LedgerError[] = [];
  private errorCount = 0;
  private headerErrors: LedgerError[] = [];
  private format: LedgerFormat | null = null;
  private lines = 0;
  private valid = 0;
  private purchases = 0;
  private totalOre = 0;
  private totalKg = 0;
  private readonly byKind = kindTotals();
  private readonly excluded = { wages: { lines: 0, ore: 0 }, internal: { lines: 0, ore: 0 }, assets: { lines: 0, ore: 0 }, transfers: { lines: 0, ore: 0 }, financial: { lines: 0, ore: 0 }, income: { lines: 0, ore: 0 } };
  // Numeric ansvar codes key a number map (ansvar*1000 + art); others a string map.
  private readonly numeric = new Map<number, { ore: number; kg: number }>();
  private readonly text = new Map<string, { ore: number; kg: number }>();

  constructor(
    private readonly model: EmissionModel,
    private readonly codes: KostraCodes,
    map?: Partial<Record<LedgerColumn, string>>,
  ) {
    this.reader = new LedgerReader({
      ...(map ? { map } : {}),
      columns: ['dato', 'ansvar', 'art', 'funksjon', 'orgnr', 'belop'],
      onHeader: (format, errors) => {
        this.format = format;
        this.headerErrors = errors;
      },
      onRecord: (cur, format) => this.record(cur, format),
    });
  }

  /** Feeds bytes. */
  push(chunk: Uint8Array): void {
    this.reader.push(chunk);
  }

  private record(cur: LedgerCursor, format: LedgerFormat): void {
    this.lines++;
    const v = this.values;
    const before = this.errs.length;
    if (!checkLedgerRecord(cur, format.columns, this.codes, v, this.errs)) {
      this.errorCount += this.errs.length - before;
      if (this.errs.length > MAX_LISTED_ERRORS) this.errs.length = MAX_LISTED_ERRORS;
      return;
    }
    this.valid++;
    const why = exclusionOf(v.art);
    if (why) {
      this.excluded[why].lines++;
      this.excluded[why].ore += v.ore;
      return;
    }
    this.purchases++;
    const model = this.model;
    let kg: number;
    let kind: DataKind;
    const sup = v.orgnr > 0 && model.supplier.size ? model.supplier.get(String(v.orgnr)) : undefined;
    if (sup) {
      kg = (v.ore / 100) * sup.kgPerNok;
      kind = 'supplier';
    } else {
      const f = model.perNokByArtFunksjon.size ? (model.perNokByArtFunksjon.get(v.art * 1000 + v.funksjon) ?? model.perNokByArt[v.art]!) : model.perNokByArt[v.art]!;
      if (f === f) {
        kg = (v.ore / 100) * f;
        kind = 'average';
      } else {
        kg = 0;
        kind = 'not_computed';
      }
    }
    this.totalOre += v.ore;
    this.totalKg += kg;
    const k = this.byKind[kind];
    k.ore += v.ore;
    k.kg += kg;
    // ansvar as a number when it is 1–12 digits
    const col = format.columns.ansvar;
    const b = cur.buf;
    let s = cur.starts[col]!;
    let end = cur.ends[col]!;
    while (s < end && b[s] === 32) s++;
    while (end > s && b[end - 1] === 32) end--;
    let num = 0;
    let digits = end - s <= 12 && b[s] !== 48;
    for (let p = s; digits && p < end; p++) {
      const c = b[p]!;
      if (c < 48 || c > 57) digits = false;
      else num = num * 10 + (c - 48);
    }
    if (digits) {
      const key = num * 1000 + v.art;
      const a = this.numeric.get(key);
      if (a) {
        a.ore += v.ore;
        a.kg += kg;
      } else this.numeric.set(key, { ore: v.ore, kg });
    } else {
      const key = `${cur.str(col)}|${v.art}`;
      const a = this.text.get(key);
      if (a) {
        a.ore += v.ore;
        a.kg += kg;
      } else this.text.set(key, { ore: v.ore, kg });
    }
  }

  /**
   * Line where the records of a byte range start: call after pushing the header bytes
   * (`ledgerHeaderEnd`) and before pushing the range; pass it to mergeLedgerSummaries.
   */
  get nextLine(): number {
    return this.reader.nextLine;
  }

  /**
   * The summary of the bytes pushed so far without ending the input, for the first of several
   * byte ranges of a file. `complete` is false when the range ended inside a record (a newline
   * within quotes): then the next range did not start at a record boundary, and the caller must
   * read on with this summariser instead.
   */
  rangeSummary(): { summary: LedgerSummary; complete: boolean } {
    return { summary: this.summary(true), complete: this.reader.atBoundary };
  }

  /** Ends the input and returns the summary; header errors left out for a range after the first (they are the first range's). */
  finish(options: { headerErrors?: boolean } = {}): LedgerSummary {
    this.reader.end();
    return this.summary(options.headerErrors ?? true);
  }

  private summary(withHeaderErrors: boolean): LedgerSummary {
    const headerErrors = withHeaderErrors ? this.headerErrors : [];
    const errors = [...headerErrors, ...this.errs];
    if (this.reader.brokenLine) errors.push({ line: this.reader.brokenLine, field: null, message: 'Et felt i anførselstegn avsluttes aldri' });
    const byUnitArt: LedgerSummary['byUnitArt'] = [];
    for (const [k, a] of this.numeric) byUnitArt.push({ ansvar: String(Math.floor(k / 1000)), art: k % 1000, ore: a.ore, kg: a.kg });
    for (const [k, a] of this.text) {
      const i = k.lastIndexOf('|');
      byUnitArt.push({ ansvar: k.slice(0, i), art: Number(k.slice(i + 1)), ore: a.ore, kg: a.kg });
    }
    return {
      lines: this.lines,
      valid: this.valid,
      purchases: this.purchases,
      excluded: this.excluded,
      totalOre: this.totalOre,
      totalKg: this.totalKg,
      byKind: this.byKind,
      byUnitArt,
      errors,
      errorCount: this.errorCount + headerErrors.length + (this.reader.brokenLine ? 1 : 0),
      format: this.format,
      nextLine: this.reader.nextLine,
    };
  }
}

/**
 * Merges the summary of a file's first byte range with that of the range after it, read by a
 * summariser that was pushed the header and then the range (`secondStartLine` = its nextLine
 * before the range): the second's line numbers are moved on to where the first stopped.
 */
export function mergeLedgerSummaries(first: LedgerSummary, second: LedgerSummary, secondStartLine: number): LedgerSummary {
  const shift = first.nextLine - secondStartLine;
  const errors = [...first.errors, ...second.errors.map((e) => ({ ...e, line: e.line + shift }))];
  if (errors.length > MAX_LISTED_ERRORS) errors.length = MAX_LISTED_ERRORS;
  const excluded = structuredClone(first.excluded);
  for (const k of Object.keys(excluded) as ExclusionReason[]) {
    excluded[k].lines += second.excluded[k].lines;
    excluded[k].ore += second.excluded[k].ore;
  }
  const byKind = structuredClone(first.byKind);
  for (const k of Object.keys(byKind) as DataKind[]) {
    byKind[k].ore += second.byKind[k].ore;
    byKind[k].kg += second.byKind[k].kg;
  }
  const groups = new Map<string, { ansvar: string; art: number; ore: number; kg: number }>();
  for (const g of [...first.byUnitArt, ...second.byUnitArt]) {
    const key = `${g.ansvar}|${g.art}`;
    const a = groups.get(key);
    if (a) {
      a.ore += g.ore;
      a.kg += g.kg;
    } else groups.set(key, { ...g });
  }
  return {
    lines: first.lines + second.lines,
    valid: first.valid + second.valid,
    purchases: first.purchases + second.purchases,
    excluded,
    totalOre: first.totalOre + second.totalOre,
    totalKg: first.totalKg + second.totalKg,
    byKind,
    byUnitArt: [...groups.values()],
    errors,
    errorCount: first.errorCount + second.errorCount,
    format: first.format,
    nextLine: second.nextLine + shift,
  };
}
