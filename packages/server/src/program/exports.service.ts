import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Status } from '@omstilling/core';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { municipalityRepository } from '../platform/municipalities.js';
import { getProgramView } from './program.service.js';
import { programPolicy as policy } from './program.policy.js';
import type { ActionView, IndicatorView, ProgramView, SourceView, ValueView } from './program.view.js';

// Spreadsheet exports of a program (CSV and XLSX) and the wording they share with the council
// report: status words, reasons in plain language, numbers and dates the Norwegian way.

export type Lang = 'nb' | 'en';

export const STATUS_LABEL: Record<Lang, Record<Status, string>> = {
  nb: { on_track: 'I rute', at_risk: 'I fare', off_track: 'Ikke i rute', no_data: 'Mangler data' },
  en: { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track', no_data: 'No data' },
};

export const ACTION_STATUS_LABEL: Record<Lang, Record<string, string>> = {
  nb: { planned: 'Planlagt', in_progress: 'Pågår', done: 'Gjennomført', cancelled: 'Avlyst' },
  en: { planned: 'Planned', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
};

const LOCALE: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' };

/** A number for people: "1 234,5" in Norwegian (non-breaking space, decimal comma), "1,234.5" in English. */
export function formatNumber(value: number, decimals: number, lang: Lang = 'nb'): string {
  const d = Math.max(0, Math.min(6, Math.round(decimals)));
  const key = `${lang}${d}`;
  let f = FORMATS.get(key);
  if (!f) FORMATS.set(key, (f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: d, maximumFractionDigits: d })));
  return f.format(value + 0);
}
const FORMATS = new Map<string, Intl.NumberFormat>();

const COUNT_UNITS = new Set(['antall', 'stk', 'stk.', 'count', 'number']);

/** A value with its unit: "62 %", "1 234 tonn CO₂e". */
export function formatValue(value: number, i: Pick<IndicatorView, 'decimals' | 'unit'>, lang: Lang = 'nb'): string {
  const n = formatNumber(value, i.decimals, lang);
  // A count needs no unit word: "12", not "12 antall".
  if (!i.unit || COUNT_UNITS.has(i.unit.toLowerCase())) return n;
  return i.unit === '%' && lang === 'en' ? `${n}%` : `${n}\u00a0${i.unit}`;
}

/** 31.12.2026 in Norwegian, 31 Dec 2026 in English. */
export function formatDate(iso: string, lang: Lang = 'nb'): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  if (lang === 'nb') return `${d}.${m}.${y}`;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** 27. november 2026 (for covers and titles). */
export function formatLongDate(iso: string, lang: Lang = 'nb'): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Why an indicator has its status, in one or two plain sentences. */
export function reasonText(i: IndicatorView, lang: Lang = 'nb'): string {
  const { code, params } = i.assessment.reason;
  const v = (k: string) => (typeof params[k] === 'number' ? formatValue(params[k] as number, i, lang) : '');
  // A difference between two percentages is in percentage points.
  const diffUnit = i.unit === '%' ? { ...i, unit: lang === 'nb' ? 'prosentpoeng' : 'percentage points' } : i;
  const abs = (k: string) => (typeof params[k] === 'number' ? formatValue(Math.abs(params[k] as number), diffUnit, lang) : '');
  const date = (k: string) => (typeof params[k] === 'string' ? formatDate(params[k] as string, lang) : '');
  const nb = lang === 'nb';
  switch (code) {
    case 'target_reached':
      return nb ? `Sluttmålet på ${v('target')} (${date('targetDate')}) er nådd: siste verdi er ${v('latest')}.` : `The final target of ${v('target')} (${date('targetDate')}) has been reached: the latest value is ${v('latest')}.`;
    case 'ahead_of_path':
      return nb ? `Siste verdi (${v('latest')}) er på eller foran banen mot målet; banen ventet ${v('expected')} på dette tidspunktet.` : `The latest value (${v('latest')}) is on or ahead of the path to the target, which expected ${v('expected')} at that time.`;
    case 'behind_path_within_tolerance':
      return nb
        ? `Siste verdi (${v('latest')}) ligger ${abs('gap')} bak banen mot målet (ventet ${v('expected')}), men innenfor toleransen på ${abs('allowed')}.`
        : `The latest value (${v('latest')}) is ${abs('gap')} behind the path to the target (expected ${v('expected')}), within the tolerance of ${abs('allowed')}.`;
    case 'behind_path_beyond_tolerance':
      return nb
        ? `Siste verdi (${v('latest')}) ligger ${abs('gap')} bak banen mot målet (ventet ${v('expected')}), mer enn toleransen på ${abs('allowed')}.`
        : `The latest value (${v('latest')}) is ${abs('gap')} behind the path to the target (expected ${v('expected')}), more than the tolerance of ${abs('allowed')}.`;
    case 'stale':
      return nb ? `Siste verdi gjelder ${date('latestDate')} og telte bare til ${date('staleAfter')}. En ny verdi mangler.` : `The latest value is for ${date('latestDate')} and counted only until ${date('staleAfter')}. A new value is missing.`;
    case 'no_target':
      return nb ? 'Indikatoren mangler utgangsverdi eller mål, så framdriften kan ikke vurderes.' : 'The indicator lacks a baseline or a target, so progress cannot be judged.';
    case 'no_values':
    default:
      return nb ? 'Det er ikke registrert noen målte verdier ennå.' : 'No measured values have been recorded yet.';
  }
}

/** The last target on the indicator's path, or null. */
export const finalTargetOf = (i: IndicatorView) => [...i.targets].sort((a, b) => a.date.localeCompare(b.date)).at(-1) ?? null;

/** The indicator's primary source (where its figures come from). */
export const primarySourceOf = (i: IndicatorView): SourceView | null => i.sources.find((s) => s.primary) ?? i.sources[0] ?? null;

/** Who produced the figures and how, in one line. */
export function sourceText(s: SourceView | null): string {
  if (!s) return '';
  const parts = [s.producer, s.kind === 'open_data' || s.kind === 'computed' ? s.name : null, s.version || null].filter((x): x is string => !!x);
  return [...new Set(parts)].join(' – ');
}

/** The values the indicator's own (primary) source gives, in date order: the series its status is judged on. */
export function primaryValues(i: IndicatorView): ValueView[] {
  const primary = primarySourceOf(i)?.id;
  return i.values.filter((v) => v.sourceId === primary || !primary).sort((a, b) => a.date.localeCompare(b.date));
}

/** Every indicator of the program in reading order: goals' indicators first (A1 …), context indicators last. */
export function indicatorsOf(view: ProgramView): { area: string | null; goal: string | null; indicator: IndicatorView }[] {
  return [
    ...view.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators.map((indicator) => ({ area: a.code, goal: g.code, indicator })))),
    ...view.contextIndicators.map((indicator) => ({ area: null, goal: null, indicator })),
  ];
}

/** Every action of the program, in the order of its goals. */
export const actionsOf = (view: ProgramView): ActionView[] => view.areas.flatMap((a) => a.goals.flatMap((g) => g.actions));

// ---------- the tables ----------

type Kind = 'text' | 'number' | 'date' | 'integer';
type Cell = string | number | null;

interface Column {
  nb: string;
  en: string;
  kind: Kind;
}

interface Table {
  name: Record<Lang, string>;
  columns: Column[];
  rows: { cells: Cell[]; decimals?: number; status?: Status }[];
}

const col = (nb: string, en: string, kind: Kind = 'text'): Column => ({ nb, en, kind });

/** Staff e-mail addresses stay out of public files; the name says enough about who entered a figure. */
const withoutEmail = (label: string) => label.replace(/\s*<[^>]*@[^>]*>/g, '').trim();

function valuesTable(view: ProgramView, lang: Lang, publicOnly: boolean): Table {
  const columns = [
    col('program', 'program'),
    col('område', 'area'),
    col('mål', 'goal'),
    col('indikator', 'indicator'),
    col('navn', 'name'),
    col('enhet', 'unit'),
    col('periode', 'period'),
    col('dato', 'date', 'date'),
    col('verdi', 'value', 'number'),
    col('kilde', 'source'),
    col('produsent', 'producer'),
    col('registrert av', 'recorded by'),
    col('importfil', 'import file'),
    col('linje', 'line', 'integer'),
    col('merknad', 'note'),
  ];
  const rows: Table['rows'] = [];
  for (const { area, goal, indicator: i } of indicatorsOf(view)) {
    const sources = new Map(i.sources.map((s) => [s.id, s]));
    for (const v of [...i.values].sort((a, b) => a.date.localeCompare(b.date))) {
      const s = sources.get(v.sourceId);
      rows.push({
        decimals: i.decimals,
        cells: [view.key, area, goal, i.key, i.name[lang], i.unit, v.period, v.date, v.value, s?.name ?? null, s?.producer ?? null, publicOnly ? withoutEmail(v.producedBy) : v.producedBy, v.importFile, v.importLine, v.note],
      });
    }
  }
  return { name: { nb: 'Verdier', en: 'Values' }, columns, rows };
}

const DIRECTION: Record<Lang, Record<'increase' | 'decrease', string>> = {
  nb: { increase: 'Høyere er bedre', decrease: 'Lavere er bedre' },
  en: { increase: 'Higher is better', decrease: 'Lower is better' },
};

function indicatorsTable(view: ProgramView, lang: Lang): Table {
  const columns = [
    col('område', 'area'),
    col('mål', 'goal'),
    col('indikator', 'indicator'),
    col('navn', 'name'),
    col('enhet', 'unit'),
    col('retning', 'direction'),
    col('utgangsverdi', 'baseline', 'number'),
    col('utgangsdato', 'baseline date', 'date'),
    col('målverdier', 'targets'),
    col('sluttmål', 'final target', 'number'),
    col('sluttmål dato', 'final target date', 'date'),
    col('siste verdi', 'latest value', 'number'),
    col('siste periode', 'latest period'),
    col('siste dato', 'latest date', 'date'),
    col('status', 'status'),
    col('begrunnelse', 'reason'),
    col('kilde', 'source'),
    col('ansvarlig enhet', 'responsible unit'),
    col('synlighet', 'visibility'),
  ];
  const visibility = { nb: { public: 'offentlig', internal: 'intern' }, en: { public: 'public', internal: 'internal' } }[lang];
  const rows = indicatorsOf(view).map(({ area, goal, indicator: i }) => {
    const final = finalTargetOf(i);
    const targets = [...i.targets].sort((a, b) => a.date.localeCompare(b.date)).map((t) => `${formatDate(t.date, lang)}: ${formatValue(t.value, i, lang)}`).join('; ');
    return {
      decimals: i.decimals,
      status: i.status,
      cells: [area, goal, i.key, i.name[lang], i.unit, DIRECTION[lang][i.direction], i.baseline?.value ?? null, i.baseline?.date ?? null, targets, final?.value ?? null, final?.date ?? null, i.latestValue, i.latestPeriod, i.latestDate, STATUS_LABEL[lang][i.status], reasonText(i, lang), sourceText(primarySourceOf(i)), i.responsibleUnit?.name ?? null, visibility[i.visibility]],
    };
  });
  return { name: { nb: 'Indikatorer', en: 'Indicators' }, columns, rows };
}

// ---------- CSV ----------

/** A number as Norwegian Excel reads it: decimal comma, no grouping, no exponent, at most 10 decimals. */
function csvNumber(n: number): string {
  const s = n.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  return (s === '-0' ? '0' : s).replace('.', ',');
}

function csvCell(value: Cell, kind: Kind): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return kind === 'integer' ? String(Math.round(value)) : csvNumber(value);
  // A text cell that Excel would take for a formula is prefixed with ' (OWASP: CSV injection).
  const s = kind === 'text' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A table as CSV for Norwegian Excel: `;` between cells, decimal comma, CRLF, UTF-8 with BOM. */
function toCsv(t: Table, lang: Lang): Buffer {
  const lines = [t.columns.map((c) => csvCell(c[lang], 'text')).join(';')];
  for (const r of t.rows) lines.push(r.cells.map((v, i) => csvCell(v, t.columns[i]!.kind)).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

// ---------- XLSX ----------

const numberFormat = (decimals = 0) => (decimals > 0 ? `#,##0.${'0'.repeat(Math.min(decimals, 6))}` : '#,##0');
const isoToDate = (iso: string) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));

/** Light fills behind the status word; the word itself always says the status. */
const STATUS_FILL: Record<Status, string> = { on_track: 'FFD7F0DD', at_risk: 'FFFCEBC4', off_track: 'FFF8D3D3', no_data: 'FFE5E7EB' };

function addSheet(wb: ExcelJS.Workbook, t: Table, lang: Lang): void {
  const ws = wb.addWorksheet(t.name[lang], { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const dateFmt = lang === 'nb' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
  ws.columns = t.columns.map((c, i) => {
    const longest = Math.max(c[lang].length, ...t.rows.map((r) => (r.cells[i] === null ? 0 : c.kind === 'date' ? 10 : String(r.cells[i]).length)));
    return { header: c[lang], width: Math.min(Math.max(longest + 2, 8), c.kind === 'text' ? 60 : 18) };
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
  const statusColumn = t.columns.findIndex((c) => c.nb === 'status');
  for (const r of t.rows) {
    const row = ws.addRow(r.cells.map((v, i) => (v !== null && t.columns[i]!.kind === 'date' ? isoToDate(String(v)) : v)));
    t.columns.forEach((c, i) => {
      if (r.cells[i] === null) return;
      const cell = row.getCell(i + 1);
      if (c.kind === 'number') cell.numFmt = numberFormat(r.decimals);
      else if (c.kind === 'integer') cell.numFmt = '0';
      else if (c.kind === 'date') cell.numFmt = dateFmt;
    });
    if (statusColumn >= 0 && r.status) row.getCell(statusColumn + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[r.status] } };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, t.rows.length + 1), column: t.columns.length } };
}

// ---------- the service ----------

export interface ExportOptions {
  /** Public indicators only (the open-data files), or every indicator (staff). */
  publicOnly: boolean;
  lang?: Lang;
  asOf?: string;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** The program view an export or report is built from; internal figures only for those who may read them. */
export async function exportView(ctx: Ctx, idOrKey: string, options: { publicOnly: boolean; asOf?: string }): Promise<{ view: ProgramView; municipality: { name: string; slug: string } }> {
  if (!options.publicOnly && !policy.readInternal(ctx.actor)) throw AppError.forbidden();
  const view = await getProgramView(ctx, idOrKey, { publicOnly: options.publicOnly, asOf: options.asOf });
  const m = (await municipalityRepository(ctx.scope.db as Kysely<DB>).all()).find((x) => x.id === ctx.scope.municipalityId);
  return { view, municipality: { name: m?.name ?? '', slug: m?.slug ?? '' } };
}

/** A file name safe in a Content-Disposition header: lower-case ASCII, digits and hyphens. */
export function fileSlug(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const baseName = (view: ProgramView, lang: Lang) => `${fileSlug(view.key) || 'program'}-${lang === 'nb' ? 'indikatorer' : 'indicators'}-${view.asOf}`;

/** Every indicator value of the program as CSV (one row per value), for Norwegian Excel. */
export async function exportCsv(ctx: Ctx, idOrKey: string, options: ExportOptions): Promise<ExportFile> {
  const lang = options.lang ?? 'nb';
  const { view } = await exportView(ctx, idOrKey, options);
  return { fileName: `${baseName(view, lang)}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(valuesTable(view, lang, options.publicOnly), lang) };
}

/** The values (one row per value) and the indicators (one row per indicator, with status) as an Excel workbook. */
export async function exportXlsx(ctx: Ctx, idOrKey: string, options: ExportOptions): Promise<ExportFile> {
  const lang = options.lang ?? 'nb';
  const { view, municipality } = await exportView(ctx, idOrKey, options);
  const wb = new ExcelJS.Workbook();
  wb.creator = `Omstilling – ${municipality.name}`;
  wb.title = view.name[lang];
  wb.created = ctx.now();
  wb.modified = ctx.now();
  addSheet(wb, valuesTable(view, lang, options.publicOnly), lang);
  addSheet(wb, indicatorsTable(view, lang), lang);
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${baseName(view, lang)}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body };
}
