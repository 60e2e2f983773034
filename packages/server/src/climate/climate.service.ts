import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type SQLite from 'better-sqlite3';
import {
  climateReport,
  emissionModel,
  emissionOf,
  ENERGY_ARTS,
  energyFactorFor,
  exclusionOf,
  EXCLUSION_TEXT,
  hotspots,
  implausibleFactors,
  IMPLAUSIBLE_RULE_TEXT,
  kindTotals,
  parseCsv,
  parseEnergyRows,
  physicalEnergyKg,
  REPORT_DIMENSIONS,
  decodeText,
  ENERGY_HEADER_NAMES,
  type ArtMapping,
  type ClimateReport,
  type EmissionModel,
  type ExclusionReason,
  type KindTotals,
  type LedgerColumn,
  type LedgerError,
  type ReportDimension,
} from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { newId } from '../platform/ids.js';
import { climatePolicy } from './climate.policy.js';
import { climateRepository, type LineWriter } from './climate.repository.js';
import type { ClimateReference } from './climate.reference.js';
import { RowDecoder } from './climate.parse.js';
import { parseLedgerFile } from './climate.threads.js';

export interface ClimateDeps {
  reference: ClimateReference;
  /** The SQLite handle when the database is SQLite (fast line inserts), else null. */
  sqlite: SQLite.Database | null;
  /** Parse imports in a worker thread while inserting (default true; one thread when the compiled worker is absent). */
  threads?: boolean;
}

/** What an import reports (the CLI prints it as JSON). */
export interface ImportLedgerResult {
  lines: number;
  imported: number;
  skipped: number;
  totalNok: number;
  totalKgCo2e: number;
  errors: LedgerError[];
  /** Errors in all (the list stops at MAX_LISTED_ERRORS). */
  errorCount: number;
  /** True when this very file was imported before: nothing changed. */
  unchanged: boolean;
  importId: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  excluded: Record<ExclusionReason, { lines: number; nok: number }>;
  byKind: KindTotals;
}

export interface ImportLedgerOptions {
  /** The file on disk (CLI argument or a stored upload). */
  path: string;
  /** The name shown in history and audit. */
  filename: string;
  map?: Partial<Record<LedgerColumn, string>>;
  /** Replace lines of other imports in the months this file covers. */
  replacePeriod?: boolean;
  onProgress?(bytesDone: number, bytesTotal: number): void;
}

const CHUNK = 4 << 20;

// Thrown inside the transaction to roll it back; carries the result to report.
class Rollback extends Error {
  constructor(readonly result: ImportLedgerResult) {
    super('rollback');
  }
}

function fileSha256(file: string): string {
  const h = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, CHUNK, null);
      if (n <= 0) break;
      h.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

/** True for an XLSX file (a zip: "PK"), whatever its name. */
function isXlsx(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    fs.readSync(fd, head, 0, 2, 0);
    return head[0] === 0x50 && head[1] === 0x4b;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The first sheet of an XLSX as a semicolon CSV file, one line per spreadsheet row (empty rows
 * kept, line breaks in cells turned into spaces) so that line numbers in errors are Excel's row
 * numbers. Numbers are written with two decimals, dates as ISO dates.
 */
async function xlsxToCsv(file: string, filename: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new AppError('import_failed', `${filename}: ikke en gyldig XLSX-fil`, [{ file: filename, message: (e as Error).message }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('import_failed', `${filename}: arbeidsboken har ingen ark`);
  const cell = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
    if (typeof v === 'object') {
      if ('result' in v) return cell(v.result as ExcelJS.CellValue);
      if ('richText' in v) return v.richText.map((t) => t.text).join('');
      if ('text' in v) return String(v.text);
      return '';
    }
    return String(v);
  };
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'omstilling-xlsx-')), 'ark.csv');
  const lines: string[] = [];
  let next = 1;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    while (next < n) {
      lines.push('');
      next++;
    }
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => cell(v).replace(/\r?\n/g, ' '));
    lines.push(values.map((v) => (/[";]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(';'));
    next = n + 1;
  });
  fs.writeFileSync(out, lines.join('\n') + '\n');
  return out;
}

const yyyymm = (p: number) => `${Math.floor(p / 100)}-${String(p % 100).padStart(2, '0')}`;

/** The emission model of one year: shipped data, the municipality's mapping edits, decisions and supplier factors. */
export async function modelFor(ctx: Ctx, deps: Pick<ClimateDeps, 'reference'>, year: number, setKey?: string): Promise<EmissionModel> {
  const ref = deps.reference;
  const set = ref.sets.find((s) => (setKey ? s.key === setKey : s.default)) ?? ref.sets[0]!;
  if (setKey && set.key !== setKey) throw AppError.validation(`Ukjent faktorsett: ${setKey}`, [{ field: 'set', message: `Kjente sett: ${ref.sets.map((s) => s.key).join(', ')}` }]);
  const repo = climateRepository(ctx.scope);
  const [edits, decisions, suppliers] = await Promise.all([repo.artMappings(), repo.decisions(), repo.supplierFactors()]);
  return emissionModel({
    year,
    set,
    factors: set.factors,
    conversion: ref.conversion,
    mapping: mergedMapping(ref.mapping, edits),
    decisions: decisions.map((d) => ({ setKey: d.set_key, category: d.category, value: d.value, note: d.note })),
    supplierFactors: suppliers.map((s) => ({ orgnr: s.orgnr, year: s.year, kgPerNok: s.kg_per_nok, source: s.source })),
  });
}

function mergedMapping(shipped: readonly ArtMapping[], edits: { art: string; funksjon: string; category: string; rationale: string }[]): ArtMapping[] {
  const out = new Map(shipped.map((m) => [`${m.art}|`, m]));
  for (const e of edits) out.set(`${e.art}|${e.funksjon}`, { art: e.art, funksjon: e.funksjon || null, name: shipped.find((m) => m.art === e.art)?.name ?? '', category: e.category, rationale: e.rationale });
  return [...out.values()];
}

/**
 * Imports a ledger file: one streaming pass inside one transaction (all or nothing). A file
 * imported before changes nothing; months already imported from another file are replaced
 * only with `replacePeriod`. Lines excluded by the rule (wages, transfers, financial items)
 * are counted, not stored.
 */
export async function importLedger(ctx: Ctx, deps: ClimateDeps, opts: ImportLedgerOptions): Promise<ImportLedgerResult> {
  if (!climatePolicy.edit(ctx.actor)) throw AppError.forbidden('Bare redaktører for klimaregnskap kan importere regnskap');
  if (isXlsx(opts.path)) {
    const csv = await xlsxToCsv(opts.path, opts.filename);
    try {
      return await importLedger(ctx, deps, { ...opts, path: csv });
    } finally {
      fs.rmSync(path.dirname(csv), { recursive: true, force: true });
    }
  }
  const total = fs.statSync(opts.path).size;
  const supplierOrgs = new Set((await climateRepository(ctx.scope).supplierFactors()).map((s) => s.orgnr));
  const importId = newId();

  // One pass over the file. The parse starts at once, in a worker thread when built, while this
  // thread hashes the file, looks for an earlier import of it and opens the transaction; its row
  // batches wait for the writer (at most a few batches ahead: memory stays flat), and this thread
  // inserts them while the worker parses on. Spend is summed by year × art × funksjon (and by
  // year × supplier for suppliers with their own factor); emissions are computed from those sums
  // afterwards, with the model of each year, so no model is looked up per line.
  let setWriter!: (w: LineWriter | null) => void;
  const writerReady = new Promise<LineWriter | null>((resolve) => (setWriter = resolve));
  const abort = new AbortController();
  const decoder = new RowDecoder();
  let writer: LineWriter | null = null;
  const add = (line: number, date: string, period: number, ansvar: string, art: string, funksjon: string, project: string | null, orgnr: string | null, supplier: string | null, ore: number, text: string | null) =>
    writer!.add(importId, line, date, period, ansvar, art, funksjon, project, orgnr, supplier, ore, text);
  const parsing = parseLedgerFile(
    opts.path,
    { ...(opts.map ? { map: opts.map } : {}), codes: deps.reference.codes, supplierOrgs: [...supplierOrgs], rows: true },
    async (batch) => {
      writer = await writerReady;
      if (writer && batch.n) {
        decoder.apply(batch, add);
        await writer.flush(false);
      }
      opts.onProgress?.(batch.bytes, total);
    },
    deps.threads ?? true,
    abort.signal,
  );
  parsing.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  let sha: string;
  let before: Awaited<ReturnType<ReturnType<typeof climateRepository>['importBySha']>>;
  try {
    sha = fileSha256(opts.path);
    before = await climateRepository(ctx.scope).importBySha(sha);
  } catch (e) {
    abort.abort();
    throw e;
  }

  const pass = async (pctx: Ctx, w: LineWriter | null) => {
    setWriter(w);
    const parsed = await parsing;
    if (w && !parsed.errorCount) await w.flush(true);
    const { lines, imported, skipped, totalOre, excluded, errorCount } = parsed;
    const allErrors = parsed.errors;
    const spend = parsed.spend;
    const supplierSpend = parsed.supplierSpend;
    const sorted = parsed.periods;
    // Emissions from the sums, with each year's model.
    const models = new Map<number, EmissionModel>();
    const model = async (y: number) => models.get(y) ?? models.set(y, await modelFor(pctx, deps, y)).get(y)!;
    const byKind = kindTotals();
    let totalKg = 0;
    const addKg = (e: { kg: number; kind: keyof KindTotals }, ore: number) => {
      totalKg += e.kg;
      byKind[e.kind].ore += ore;
      byKind[e.kind].kg += e.kg;
    };
    for (const [k, ore] of spend) {
      const y = 1900 + Math.floor(k / 1e6);
      addKg(emissionOf(await model(y), Math.floor(k / 1000) % 1000, k % 1000, null, ore), ore);
    }
    for (const s of supplierSpend) addKg(emissionOf(await model(s.year), s.art, s.funksjon, s.orgnr, s.ore), s.ore);
    const result: ImportLedgerResult = {
      lines,
      imported: w ? imported : 0,
      skipped: w ? skipped : lines,
      totalNok: totalOre / 100,
      totalKgCo2e: totalKg,
      errors: allErrors,
      errorCount,
      unchanged: false,
      importId: w ? importId : null,
      periodFrom: sorted.length ? yyyymm(sorted[0]!) : null,
      periodTo: sorted.length ? yyyymm(sorted.at(-1)!) : null,
      excluded: Object.fromEntries(Object.entries(excluded).map(([k, x]) => [k, { lines: x.lines, nok: x.ore / 100 }])) as ImportLedgerResult['excluded'],
      byKind,
    };
    return { result, periods: sorted };
  };

  if (before) {
    const { result } = await pass(ctx, null);
    return { ...result, unchanged: result.errors.length === 0, importId: before.id };
  }
  try {
    return await ctx.scope.transaction(async (scope) => {
      const tctx: Ctx = { ...ctx, scope };
      const repo = climateRepository(scope);
      await repo.insertImport({ id: importId, filename: opts.filename, sha256: sha, lines: 0, imported: 0, skipped: 0, total_ore: 0, period_from: 0, period_to: 0, periods: '[]', excluded: '{}', imported_by_label: actorLabel(ctx.actor), created_at: nowIso(ctx) });
      const { result: r, periods } = await pass(tctx, repo.lineWriter(deps.sqlite));
      if (r.errors.length) throw new Rollback(r);
      const overlap = await repo.overlapping(periods, importId);
      if (overlap.length && !opts.replacePeriod) {
        const n = overlap.reduce((s, o) => s + Number(o.n), 0);
        throw new Rollback({ ...r, errors: [{ line: 1, field: null, message: `Månedene ${r.periodFrom}–${r.periodTo} har allerede ${n} linjer fra ${overlap.map((o) => `«${o.filename}»`).join(', ')}. Velg «erstatt perioden» (--replace-period) for å erstatte dem.` }], errorCount: 1 });
      }
      if (overlap.length) {
        await repo.deleteLinesInPeriods(periods, importId);
        await repo.dropPeriods(overlap.map((o) => o.importId), periods);
      }
      await repo.updateImport(importId, { lines: r.lines, imported: r.imported, skipped: r.skipped, total_ore: Math.round(r.totalNok * 100), period_from: periods[0]!, period_to: periods.at(-1)!, periods: JSON.stringify(periods), excluded: JSON.stringify(r.excluded) });
      forgetFigures();
      await recordAudit(tctx, { action: 'import', entityType: 'climate_import', entityId: importId, summary: `${opts.filename}: ${r.imported} linjer (${r.periodFrom}–${r.periodTo})${overlap.length ? `, erstattet ${overlap.map((o) => o.filename).join(', ')}` : ''}` });
      return r;
    });
  } catch (e) {
    if (e instanceof Rollback) return { ...e.result, imported: 0, importId: null };
    throw e;
  } finally {
    // A transaction that failed before the pass: stop the parse.
    setWriter(null);
    abort.abort();
  }
}

/** A report of one year by a dimension, with provenance of the factors used. */
export async function report(ctx: Ctx, deps: Pick<ClimateDeps, 'reference'>, yearOrLatest: number | undefined, by: ReportDimension, setKey?: string): Promise<ClimateReport & { set: { key: string; name: string; source: string; year: number; currency: string; priceBasis: string; licence: string }; flagged: string[]; hotspots: ReturnType<typeof hotspots>; energy: Awaited<ReturnType<typeof physicalKg>>['summary'] }> {
  if (!climatePolicy.read(ctx.actor)) throw AppError.forbidden();
  const year = yearOrLatest ?? (await climateRepository(ctx.scope).years()).at(-1) ?? ctx.now().getUTCFullYear() - 1;
  if (!REPORT_DIMENSIONS.includes(by)) throw AppError.validation(`Ukjent inndeling: ${by}`, [{ field: 'by', message: `Bruk ${REPORT_DIMENSIONS.join(', ')}` }]);
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw AppError.validation(`Ugyldig år: ${year}`, [{ field: 'year', message: 'Oppgi et årstall' }]);
  const model = await modelFor(ctx, deps, year, setKey);
  const repo = climateRepository(ctx.scope);
  const [groups, ansvar, units, physical] = await Promise.all([repo.spendGroups(year), repo.ansvarUnits(), repo.units(), physicalKg(ctx, deps, year)]);
  const r = climateReport(groups, model, by, { unitOfAnsvar: new Map(ansvar.map((a) => [a.ansvar, a.unit_id])), units: units.map((u) => ({ id: u.id, name: u.name, parentId: u.parent_id })) }, physical.kg);
  const s = model.set;
  return { ...r, set: { key: s.key, name: s.name, source: s.source, year: s.year, currency: s.currency, priceBasis: s.priceBasis, licence: s.licence }, flagged: [...model.flagged], hotspots: hotspots(groups, model, 20, physical.kg), energy: physical.summary };
}

/** kg CO2e per ansvar from physical energy use in a year, and what it was computed from (kWh and factor per carrier). */
async function physicalKg(ctx: Ctx, deps: Pick<ClimateDeps, 'reference'>, year: number) {
  const uses = (await climateRepository(ctx.scope).energyUses(year)).map((u) => ({ ansvar: u.ansvar, year: Number(u.year), carrier: u.carrier, kwh: Number(u.kwh) }));
  const factors = deps.reference.energyFactors;
  const byCarrier = new Map<string, { carrier: string; label: string; kwh: number; kg: number; kgPerKwh: number; factorYear: number; source: string }>();
  for (const u of uses) {
    const f = energyFactorFor(factors, u.carrier, year);
    if (!f) continue;
    let c = byCarrier.get(u.carrier);
    if (!c) byCarrier.set(u.carrier, (c = { carrier: u.carrier, label: f.label, kwh: 0, kg: 0, kgPerKwh: f.kgPerKwh, factorYear: f.year, source: f.source }));
    c.kwh += u.kwh;
    c.kg += u.kwh * f.kgPerKwh;
  }
  return { kg: physicalEnergyKg(uses, factors, year), summary: { ansvar: new Set(uses.map((u) => u.ansvar)).size, arts: [...ENERGY_ARTS].map(String), carriers: [...byCarrier.values()] } };
}

/** Maps responsibility codes (ansvar) to municipal units by unit key. */
export async function mapAnsvar(ctx: Ctx, rows: { ansvar: string; unitKey: string }[]): Promise<number> {
  if (!climatePolicy.edit(ctx.actor)) throw AppError.forbidden();
  const repo = climateRepository(ctx.scope);
  const units = new Map((await repo.units()).map((u) => [u.key, u.id]));
  const details = rows.flatMap((r, i) => (units.has(r.unitKey) ? [] : [{ line: i + 1, field: 'unit', message: `Ingen enhet med nøkkel «${r.unitKey}»` }]));
  if (details.length) throw AppError.validation('Ukjente enheter i koblingen ansvar → enhet', details);
  const at = nowIso(ctx);
  await ctx.scope.transaction(async (scope) => {
    const r2 = climateRepository(scope);
    for (const r of rows) await r2.upsertAnsvarUnit({ id: newId(), ansvar: r.ansvar.trim(), unit_id: units.get(r.unitKey)!, updated_at: at });
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'climate_ansvar_unit', entityId: 'ansvar', summary: `${rows.length} ansvar koblet til enheter` });
  });
  return rows.length;
}

/** Records a supplier-specific factor (kg CO2e per NOK, from the supplier's climate report). */
export async function setSupplierFactor(ctx: Ctx, input: { orgnr: string; year: number; kgPerNok: number; source: string }): Promise<void> {
  if (!climatePolicy.edit(ctx.actor)) throw AppError.forbidden();
  const details = [];
  if (!/^\d{9}$/.test(input.orgnr)) details.push({ field: 'orgnr', message: 'Organisasjonsnummeret må ha 9 siffer' });
  if (!(input.kgPerNok >= 0 && input.kgPerNok < 10)) details.push({ field: 'kgPerNok', message: 'Faktoren må være mellom 0 og 10 kg CO2e per krone' });
  if (!input.source.trim()) details.push({ field: 'source', message: 'Oppgi kilden (f.eks. leverandørens klimaregnskap 2024)' });
  if (details.length) throw AppError.validation('Leverandørfaktoren kan ikke lagres', details);
  await ctx.scope.transaction(async (scope) => {
    await climateRepository(scope).upsertSupplierFactor({ id: newId(), orgnr: input.orgnr, year: input.year, kg_per_nok: input.kgPerNok, source: input.source.trim(), created_by_label: actorLabel(ctx.actor), created_at: nowIso(ctx) });
    forgetFigures();
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'climate_supplier_factor', entityId: `${input.orgnr}/${input.year}`, summary: `${input.orgnr} ${input.year}: ${input.kgPerNok} kg CO2e/kr (${input.source})`, after: input });
  });
}

/** Confirms (value null) or replaces a flagged factor so that it is used. */
export async function decideFactor(ctx: Ctx, deps: Pick<ClimateDeps, 'reference'>, input: { setKey: string; category: string; value: number | null; note: string }): Promise<void> {
  if (!climatePolicy.edit(ctx.actor)) throw AppError.forbidden();
  const set = deps.reference.sets.find((s) => s.key === input.setKey);
  if (!set) throw AppError.validation(`Ukjent faktorsett: ${input.setKey}`, [{ field: 'setKey', message: 'Ukjent faktorsett' }]);
  if (!implausibleFactors(set.factors).has(input.category)) throw AppError.validation(`Faktoren ${input.category} er ikke flagget`, [{ field: 'category', message: 'Bare flaggede faktorer trenger en beslutning; rediger koblingen art → kategori i stedet' }]);
  if (!input.note.trim()) throw AppError.validation('Begrunn beslutningen', [{ field: 'note', message: 'Skriv hvorfor faktoren bekreftes eller erstattes' }]);
  if (input.value !== null && !(input.value >= 0)) throw AppError.validation('Ugyldig faktor', [{ field: 'value', message: 'Faktoren må være et ikke-negativt tall' }]);
  await ctx.scope.transaction(async (scope) => {
    await climateRepository(scope).upsertDecision({ id: newId(), set_key: input.setKey, category: input.category, value: input.value, note: input.note.trim(), decided_by_label: actorLabel(ctx.actor), decided_at: nowIso(ctx) });
    forgetFigures();
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'climate_factor_decision', entityId: `${input.setKey}/${input.category}`, summary: input.value === null ? 'bekreftet' : `erstattet med ${input.value}`, after: input });
  });
}

/** Factor sets, the mapping (shipped + edits) and the documented rules, for the sources page. */
export async function sources(ctx: Ctx, deps: Pick<ClimateDeps, 'reference'>) {
  if (!climatePolicy.read(ctx.actor)) throw AppError.forbidden();
  const repo = climateRepository(ctx.scope);
  const [edits, decisions] = await Promise.all([repo.artMappings(), repo.decisions()]);
  const ref = deps.reference;
  return {
    sets: ref.sets.map((s) => {
      const flagged = implausibleFactors(s.factors);
      return { key: s.key, name: s.name, source: s.source, year: s.year, currency: s.currency, priceBasis: s.priceBasis, licence: s.licence, url: s.url, default: s.default, factors: s.factors.map((f) => ({ ...f, flagged: flagged.has(f.category), decision: decisions.find((d) => d.set_key === s.key && d.category === f.category) ?? null })) };
    }),
    conversion: ref.conversion,
    mapping: mergedMapping(ref.mapping, edits),
    exclusion: EXCLUSION_TEXT,
    implausibleRule: IMPLAUSIBLE_RULE_TEXT,
    categories: ref.categories,
  };
}

type YearFigures = { ore: number; kg: number; byKind: KindTotals; bySupplier: Map<string, number> };
// The program view asks for the same year's figures once per published indicator and view; they
// are kept 5 s per instance (as the public program API keeps its answers), and dropped at once
// by every write of this domain in this instance.
const figuresCache = new Map<string, { at: number; value: Promise<YearFigures> }>();
const FIGURES_TTL_MS = 5_000;
/** Forgets cached year figures (after a write). */
export function forgetFigures(): void {
  figuresCache.clear();
}

/** A year's totals without a policy check, for published indicators (figures, not rows). */
export async function yearFigures(ctx: Ctx, deps: Pick<ClimateDeps, 'reference'>, year: number): Promise<YearFigures> {
  const key = `${ctx.scope.municipalityId}|${year}`;
  const hit = figuresCache.get(key);
  if (hit && Date.now() - hit.at < FIGURES_TTL_MS && !ctx.scope.db.isTransaction) return hit.value;
  const value = computeYearFigures(ctx, deps, year);
  if (!ctx.scope.db.isTransaction) figuresCache.set(key, { at: Date.now(), value });
  value.catch(() => figuresCache.delete(key));
  return value;
}

async function computeYearFigures(ctx: Ctx, deps: Pick<ClimateDeps, 'reference'>, year: number): Promise<YearFigures> {
  const model = await modelFor(ctx, deps, year);
  const groups = await climateRepository(ctx.scope).spendGroups(year);
  const r = climateReport(groups, model, 'art', undefined, (await physicalKg(ctx, deps, year)).kg);
  const bySupplier = new Map<string, number>();
  for (const g of groups) if (g.orgnr && !exclusionOf(Number(g.art))) bySupplier.set(g.orgnr, (bySupplier.get(g.orgnr) ?? 0) + g.ore);
  return { ore: r.totalOre, kg: r.totalKg, byKind: r.byKind, bySupplier };
}

/** Imported files (newest first) and the years with ledger lines. */
export async function imports(ctx: Ctx) {
  if (!climatePolicy.read(ctx.actor)) throw AppError.forbidden();
  const repo = climateRepository(ctx.scope);
  const [rows, years] = await Promise.all([repo.imports(), repo.years()]);
  return {
    years,
    imports: rows.map((r) => ({ id: r.id, filename: r.filename, lines: r.lines, imported: r.imported, skipped: r.skipped, totalNok: Number(r.total_ore) / 100, periodFrom: yyyymm(r.period_from), periodTo: yyyymm(r.period_to), importedBy: r.imported_by_label, createdAt: r.created_at })),
  };
}

/** Changes the category of an art (optionally for one funksjon), with a written rationale. */
export async function editMapping(ctx: Ctx, deps: Pick<ClimateDeps, 'reference'>, input: { art: string; funksjon?: string; category: string; rationale: string }) {
  if (!climatePolicy.edit(ctx.actor)) throw AppError.forbidden();
  const details = [];
  if (!/^\d{3}$/.test(input.art) || !deps.reference.codes.arts[Number(input.art)]) details.push({ field: 'art', message: `Art ${input.art} finnes ikke i KOSTRA-artslista` });
  if (exclusionOf(Number(input.art))) details.push({ field: 'art', message: 'Arten er ikke et kjøp etter utelatelsesregelen' });
  if (input.funksjon && (!/^\d{3}$/.test(input.funksjon) || !deps.reference.codes.funksjoner[Number(input.funksjon)])) details.push({ field: 'funksjon', message: `Funksjon ${input.funksjon} finnes ikke i KOSTRA-funksjonslista` });
  if (!deps.reference.categories.some((c) => c.key === input.category)) details.push({ field: 'category', message: `Ukjent kategori ${input.category}` });
  if (input.rationale.trim().length < 10) details.push({ field: 'rationale', message: 'Skriv en begrunnelse (minst 10 tegn)' });
  if (details.length) throw AppError.validation('Koblingen kan ikke lagres', details);
  const row = { id: newId(), art: input.art, funksjon: input.funksjon ?? '', category: input.category, rationale: input.rationale.trim(), updated_by_label: actorLabel(ctx.actor), updated_at: nowIso(ctx) };
  await ctx.scope.transaction(async (scope) => {
    await climateRepository(scope).upsertArtMapping(row);
    forgetFigures();
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'climate_art_mapping', entityId: `${row.art}/${row.funksjon}`, summary: `${row.art}${row.funksjon ? `/${row.funksjon}` : ''} → ${row.category}`, after: input });
  });
  return { art: row.art, funksjon: row.funksjon || null, category: row.category, rationale: row.rationale };
}

/** The PDF summary of a year for the council report. */
export async function summaryPdf(ctx: Ctx, deps: Pick<ClimateDeps, 'reference'>, yearOrLatest: number | undefined): Promise<{ fileName: string; body: Buffer }> {
  const byUnit = await report(ctx, deps, yearOrLatest, 'unit');
  const byArt = await report(ctx, deps, byUnit.year, 'art');
  const prev = await yearFigures(ctx, deps, byUnit.year - 1);
  const m = await ctx.scope.db.selectFrom('municipality').select('name').where('id', '=', ctx.scope.municipalityId).executeTakeFirst();
  const { renderSummary } = await import('./climate.pdf.js');
  const body = await renderSummary({ municipality: m?.name ?? '', byUnit, byArt, previous: prev.ore ? { year: byUnit.year - 1, totalKg: prev.kg } : null, hotspots: byUnit.hotspots, set: byUnit.set, flagged: byUnit.flagged, generatedOn: nowIso(ctx).slice(0, 10) });
  return { fileName: `klimaregnskap-${byUnit.year}.pdf`, body };
}

/** Energy use on record (all years), with the factor each row is computed with. */
export async function energyUses(ctx: Ctx, deps: Pick<ClimateDeps, 'reference'>) {
  if (!climatePolicy.read(ctx.actor)) throw AppError.forbidden();
  const rows = await climateRepository(ctx.scope).energyUses();
  return {
    arts: [...ENERGY_ARTS].map(String),
    factors: deps.reference.energyFactors,
    rows: rows.map((r) => {
      const f = energyFactorFor(deps.reference.energyFactors, r.carrier, Number(r.year));
      return { ansvar: r.ansvar, year: Number(r.year), carrier: r.carrier, kwh: Number(r.kwh), kgPerKwh: f?.kgPerKwh ?? null, kg: f ? Number(r.kwh) * f.kgPerKwh : null, source: r.source, createdBy: r.created_by_label, createdAt: r.created_at };
    }),
  };
}

/**
 * Imports physical energy use (CSV or XLSX: ansvar, år, energibærer, kWh): all rows or none.
 * A row replaces the kWh on record for its ansvar, year and carrier; for those ansvar and years
 * the kWh × the carrier's factor replace the spend-based emissions of the energy arts.
 */
export async function importEnergy(ctx: Ctx, deps: Pick<ClimateDeps, 'reference'>, opts: { path: string; filename: string }): Promise<{ imported: number; years: number[] }> {
  if (!climatePolicy.edit(ctx.actor)) throw AppError.forbidden('Bare redaktører for klimaregnskap kan importere energibruk');
  let file = opts.path;
  let tmp: string | null = null;
  if (isXlsx(opts.path)) {
    file = await xlsxToCsv(opts.path, opts.filename);
    tmp = path.dirname(file);
  }
  try {
    const table = parseCsv(decodeText(fs.readFileSync(file)).text);
    const head = new Set(table.header);
    const missing = (['ansvar', 'year', 'carrier', 'kwh'] as const).filter((c) => !ENERGY_HEADER_NAMES[c].some((n) => head.has(n)));
    if (missing.length) throw AppError.validation(`${opts.filename}: mangler kolonner`, missing.map((c) => ({ line: 1, field: c, message: `Mangler kolonnen ${c} (kjente navn: ${ENERGY_HEADER_NAMES[c].join(', ')})` })));
    const { uses, errors } = parseEnergyRows(table.rows, deps.reference.energyFactors);
    const all = [...table.issues.map((i) => ({ line: i.line, field: i.field ?? 'file', message: i.message })), ...errors];
    if (all.length) throw AppError.validation(`${opts.filename}: ${all.length} feil, ingenting er lagret`, all);
    if (!uses.length) throw AppError.validation(`${opts.filename}: filen har ingen rader`, [{ line: 1, field: 'file', message: 'Filen har ingen rader med energibruk' }]);
    const at = nowIso(ctx);
    await ctx.scope.transaction(async (scope) => {
      const repo = climateRepository(scope);
      for (const u of uses) await repo.upsertEnergyUse({ id: newId(), ansvar: u.ansvar, year: u.year, carrier: u.carrier, kwh: u.kwh, source: opts.filename, created_by_label: actorLabel(ctx.actor), created_at: at });
      forgetFigures();
      await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'climate_energy_use', entityId: opts.filename, summary: `${opts.filename}: energibruk for ${uses.length} ansvar/år/energibærer` });
    });
    return { imported: uses.length, years: [...new Set(uses.map((u) => u.year))].sort() };
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}
