// The parsing half of a ledger import, without the database: checks every line, sums spend for
// the emission figures and packs the purchase lines into compact row batches (typed arrays, a
// string dictionary and the texts joined), so that a worker thread can parse while the main
// thread inserts (climate.worker.ts), or the same code runs in one thread (climate.service.ts).
import {
  checkLedgerRecord,
  exclusionOf,
  LedgerReader,
  lineValues,
  MAX_LISTED_ERRORS,
  type ExclusionReason,
  type KostraCodes,
  type LedgerColumn,
  type LedgerError,
} from '@omstilling/core';

/** Int32 slots per row of a batch: line, date id, period, ansvar id, art, funksjon, project id, orgnr id, supplier id, text length (-1: none). */
export const ROW_STRIDE = 10;
/** Rows per batch. */
export const BATCH_ROWS = 8192;

/** Purchase lines in compact form. Ids index the dictionary; -1 is null. */
export interface RowBatch {
  n: number;
  ints: Int32Array;
  ore: Float64Array;
  /** The texts of the rows joined (lengths in ints). */
  text: string;
  /** Dictionary entries added since the previous batch (dates, ansvar, projects, orgnr, suppliers). */
  dict: string[];
  /** Bytes of the file read so far. */
  bytes: number;
}

export interface ParseOptions {
  map?: Partial<Record<LedgerColumn, string>>;
  codes: KostraCodes;
  /** Organisation numbers with a supplier-specific factor: their spend is summed apart. */
  supplierOrgs: readonly string[];
  /** False: only check and sum (the file was imported before), no batches. */
  rows: boolean;
}

/** Everything an import needs besides the lines themselves. */
export interface ParseResult {
  lines: number;
  imported: number;
  skipped: number;
  totalOre: number;
  periods: number[];
  /** (year-1900)*1e6 + art*1000 + funksjon → øre */
  spend: [number, number][];
  supplierSpend: { year: number; art: number; funksjon: number; orgnr: string; ore: number }[];
  excluded: Record<ExclusionReason, { lines: number; ore: number }>;
  errors: LedgerError[];
  errorCount: number;
}

/** Push chunks, end(); row batches go to onBatch as they fill (none once a line is invalid: nothing will be written). */
export class ImportParser {
  private readonly reader: LedgerReader;
  private errors: LedgerError[] = [];
  private headerErrors: LedgerError[] = [];
  private errorCount = 0;
  private lines = 0;
  private imported = 0;
  private skipped = 0;
  private totalOre = 0;
  private readonly periods = new Set<number>();
  private readonly spend = new Map<number, number>();
  private readonly supplierSpend = new Map<string, { year: number; art: number; funksjon: number; orgnr: string; ore: number }>();
  private readonly excluded = { wages: { lines: 0, ore: 0 }, internal: { lines: 0, ore: 0 }, assets: { lines: 0, ore: 0 }, transfers: { lines: 0, ore: 0 }, financial: { lines: 0, ore: 0 }, income: { lines: 0, ore: 0 } };
  private readonly supplierOrgs: Set<string>;
  // Dictionary: strings → ids; dates and orgnr by their number.
  private readonly ids = new Map<string, number>();
  private readonly dateIds = new Map<number, number>();
  private readonly orgIds = new Map<number, number>();
  private readonly orgStr = new Map<number, string>();
  private dictSize = 0;
  private newDict: string[] = [];
  private ints = new Int32Array(BATCH_ROWS * ROW_STRIDE);
  private ore = new Float64Array(BATCH_ROWS);
  private texts: string[] = [];
  private n = 0;

  constructor(
    private readonly options: ParseOptions,
    private readonly onBatch: (batch: RowBatch, transfer: ArrayBuffer[]) => void,
  ) {
    this.supplierOrgs = new Set(options.supplierOrgs);
    const v = lineValues();
    const codes = options.codes;
    this.reader = new LedgerReader({
      ...(options.map ? { map: options.map } : {}),
      onHeader: (_f, e) => (this.headerErrors = e),
      onRecord: (cur, format) => {
        this.lines++;
        const errors = this.errors;
        const before = errors.length;
        if (!checkLedgerRecord(cur, format.columns, codes, v, errors)) {
          this.errorCount += errors.length - before;
          if (errors.length > MAX_LISTED_ERRORS) errors.length = MAX_LISTED_ERRORS;
          return;
        }
        const why = exclusionOf(v.art);
        if (why) {
          this.excluded[why].lines++;
          this.excluded[why].ore += v.ore;
          this.skipped++;
          return;
        }
        const year = Math.floor(v.date / 10000);
        let orgId = -1;
        let orgnr: string | null = null;
        if (v.orgnr > 0) {
          const id = this.orgIds.get(v.orgnr);
          if (id === undefined) {
            orgnr = String(v.orgnr).padStart(9, '0');
            this.orgStr.set(v.orgnr, orgnr);
            this.orgIds.set(v.orgnr, (orgId = this.add(orgnr)));
          } else {
            orgId = id;
            orgnr = this.orgStr.get(v.orgnr)!;
          }
        }
        if (orgnr !== null && this.supplierOrgs.has(orgnr)) {
          const k = `${year}|${v.art}|${v.funksjon}|${orgnr}`;
          const s = this.supplierSpend.get(k);
          if (s) s.ore += v.ore;
          else this.supplierSpend.set(k, { year, art: v.art, funksjon: v.funksjon, orgnr, ore: v.ore });
        } else {
          const k = (year - 1900) * 1e6 + v.art * 1000 + v.funksjon;
          this.spend.set(k, (this.spend.get(k) ?? 0) + v.ore);
        }
        this.totalOre += v.ore;
        this.imported++;
        const period = Math.floor(v.date / 100);
        this.periods.add(period);
        if (!this.options.rows || this.errorCount) return;
        let dateId = this.dateIds.get(v.date);
        if (dateId === undefined) this.dateIds.set(v.date, (dateId = this.add(`${year}-${String(period % 100).padStart(2, '0')}-${String(v.date % 100).padStart(2, '0')}`)));
        const c = format.columns;
        const o = this.n * ROW_STRIDE;
        const ints = this.ints;
        ints[o] = cur.line;
        ints[o + 1] = dateId;
        ints[o + 2] = period;
        ints[o + 3] = this.id(cur.strInterned(c.ansvar));
        ints[o + 4] = v.art;
        ints[o + 5] = v.funksjon;
        ints[o + 6] = c.prosjekt >= 0 && !cur.isEmpty(c.prosjekt) ? this.id(cur.strInterned(c.prosjekt)) : -1;
        ints[o + 7] = orgId;
        ints[o + 8] = c.leverandor >= 0 && !cur.isEmpty(c.leverandor) ? this.id(cur.strInterned(c.leverandor)) : -1;
        if (c.tekst >= 0 && !cur.isEmpty(c.tekst)) {
          const t = cur.str(c.tekst);
          ints[o + 9] = t.length;
          this.texts.push(t);
        } else ints[o + 9] = -1;
        this.ore[this.n] = v.ore;
        if (++this.n === BATCH_ROWS) this.flush();
      },
    });
  }

  private add(s: string): number {
    const id = this.dictSize++;
    this.ids.set(s, id);
    this.newDict.push(s);
    return id;
  }

  private id(s: string): number {
    const id = this.ids.get(s);
    return id === undefined ? this.add(s) : id;
  }

  /** Sends the rows gathered so far (also when none: the progress). */
  flush(): void {
    // Once a line is invalid nothing will be written: the rows gathered are dropped, progress still goes.
    if (this.errorCount) this.n = 0;
    const batch: RowBatch = { n: this.n, ints: this.ints, ore: this.ore, text: this.texts.join(''), dict: this.newDict, bytes: this.reader.bytes };
    this.onBatch(batch, [this.ints.buffer as ArrayBuffer, this.ore.buffer as ArrayBuffer]);
    this.ints = new Int32Array(BATCH_ROWS * ROW_STRIDE);
    this.ore = new Float64Array(BATCH_ROWS);
    this.texts = [];
    this.newDict = [];
    this.n = 0;
  }

  push(chunk: Uint8Array): void {
    this.reader.push(chunk);
  }

  end(): ParseResult {
    this.reader.end();
    if (this.n && !this.errorCount) this.flush();
    const errors = [...this.headerErrors, ...this.errors];
    let errorCount = this.errorCount + this.headerErrors.length;
    if (this.reader.brokenLine) {
      errors.push({ line: this.reader.brokenLine, field: null, message: 'Et felt i anførselstegn avsluttes aldri' });
      errorCount++;
    }
    if (!errors.length && this.lines === 0) {
      errors.push({ line: 1, field: null, message: 'Filen har ingen regnskapslinjer' });
      errorCount++;
    }
    return {
      lines: this.lines,
      imported: this.imported,
      skipped: this.skipped,
      totalOre: this.totalOre,
      periods: [...this.periods].sort((a, b) => a - b),
      spend: [...this.spend],
      supplierSpend: [...this.supplierSpend.values()],
      excluded: this.excluded,
      errors,
      errorCount,
    };
  }
}

const CODE3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** The main thread's side: turns batches back into rows for a line writer, keeping the dictionary between batches. */
export class RowDecoder {
  private readonly dict: string[] = [];

  apply(batch: RowBatch, add: (line: number, date: string, period: number, ansvar: string, art: string, funksjon: string, project: string | null, orgnr: string | null, supplier: string | null, ore: number, text: string | null) => void): void {
    const dict = this.dict;
    for (const s of batch.dict) dict.push(s);
    const { ints, ore, text, n } = batch;
    let tp = 0;
    for (let i = 0, o = 0; i < n; i++, o += ROW_STRIDE) {
      const pid = ints[o + 6]!;
      const oid = ints[o + 7]!;
      const sid = ints[o + 8]!;
      const tl = ints[o + 9]!;
      let t: string | null = null;
      if (tl >= 0) {
        t = text.slice(tp, tp + tl);
        tp += tl;
      }
      add(ints[o]!, dict[ints[o + 1]!]!, ints[o + 2]!, dict[ints[o + 3]!]!, CODE3[ints[o + 4]!]!, CODE3[ints[o + 5]!]!, pid < 0 ? null : dict[pid]!, oid < 0 ? null : dict[oid]!, sid < 0 ? null : dict[sid]!, ore[i]!, t);
    }
  }
}
