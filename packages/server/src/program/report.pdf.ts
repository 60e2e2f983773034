import PDFDocument from 'pdfkit';
import type { Status } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import { nowIso, type Ctx } from '../platform/context.js';
import { reportFonts, type ReportFonts } from './report.fonts.js';
import {
  ACTION_STATUS_LABEL,
  STATUS_LABEL,
  exportView,
  fileSlug,
  finalTargetOf,
  formatDate,
  formatLongDate,
  formatNumber,
  formatValue,
  indicatorsOf,
  primarySourceOf,
  primaryValues,
  reasonText,
  type ExportFile,
} from './exports.service.js';
import type { ActionView, AreaView, GoalView, IndicatorView, ProgramView } from './program.view.js';

/*
 * The annual council report: the document a politician reads. A4, Norwegian, drawn with
 * pdfkit's vector primitives only (no browser): a cover, how status is computed, one table
 * with every point, then one section per area with a chart per indicator and the actions.
 * Layout is measured before it is drawn (heightOfString), so blocks never run off a page.
 */

export interface ReportOptions {
  /** Public indicators only (the public edition), or every indicator (staff). */
  publicOnly: boolean;
  /** The year reported on; figures are as of 31 December, or today for the current year. */
  year?: number;
  /** 'helvetica' forces the built-in font (tests of the fallback). */
  font?: 'auto' | 'helvetica';
  /** Uncompressed content streams, so tests can read the text. */
  compress?: boolean;
}

export interface ReportInput {
  view: ProgramView;
  municipality: { name: string; slug: string };
  year: number;
  /** The day the report is produced (ISO date). */
  generatedOn: string;
  publicOnly: boolean;
}

// ---------- look ----------

const A4 = { width: 595.28, height: 841.89 };
const M = { top: 62, bottom: 74, left: 64, right: 64 };
const CONTENT = A4.width - M.left - M.right;
const BOTTOM = A4.height - M.bottom;

const C = {
  text: '#1f2328',
  muted: '#59636e',
  faint: '#8c959f',
  rule: '#d0d7de',
  band: '#f3f5f8',
  accent: '#1d3f66',
  accentLight: '#e8eef5',
  series: '#1d4f91',
  path: '#6e7781',
  grid: '#e6e9ed',
};

/** Status colours, dark enough for text on white (WCAG AA); shape and word always go with them. */
const STATUS_COLOR: Record<Status, string> = { on_track: '#1a7f37', at_risk: '#9a6700', off_track: '#cf222e', no_data: '#59636e' };
const STATUS_ORDER: Status[] = ['on_track', 'at_risk', 'off_track', 'no_data'];
const LOG_KIND: Record<string, string> = { decision: 'Vedtak', update: 'Oppdatering' };

type Doc = PDFKit.PDFDocument;
type FontKey = 'regular' | 'medium' | 'bold' | 'italic';

interface Style {
  font?: FontKey;
  size?: number;
  color?: string;
  lineGap?: number;
  align?: 'left' | 'right' | 'center' | 'justify';
}

/*
 * Shaping a word with an OpenType font (fontkit applies Inter's many substitution and kerning
 * lookups) is most of the time a report takes, and pdfkit caches the result per document only.
 * The words of one report are mostly those of the last, so the cache is shared between
 * documents, per font file. A shaped word depends only on the font file and the text (pdfkit
 * scales it by the font's units, not by the size), so it can be reused as is. If pdfkit ever
 * drops its layoutCache, this does nothing and reports are merely slower.
 */
const LAYOUTS = new Map<string, Record<string, unknown>>();
const LAYOUT_LIMIT = 20_000;
const shared = new WeakSet<object>();

function shareLayouts(doc: Doc, src: string): void {
  const font = (doc as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font;
  if (!font?.layoutCache || shared.has(font)) return;
  shared.add(font);
  let cache = LAYOUTS.get(src);
  if (!cache || Object.keys(cache).length > LAYOUT_LIMIT) LAYOUTS.set(src, (cache = font.layoutCache));
  font.layoutCache = cache;
}

/** A thin layer over pdfkit: fonts by role, measured text, and page breaks that keep blocks whole. */
class Writer {
  /** The section each page belongs to (running header), by page index. */
  readonly sections: string[] = [];
  section = '';

  constructor(
    readonly doc: Doc,
    readonly fonts: ReportFonts,
  ) {
    doc.on('pageAdded', () => {
      this.sections.push(this.section);
      doc.x = M.left;
      doc.y = M.top;
    });
  }

  private apply(s: Style): void {
    // By file name (or standard name), not a registered alias: pdfkit caches fonts by source,
    // while an alias of an already open font is parsed again on every call.
    const src = this.fonts[s.font ?? 'regular'];
    this.doc.font(src).fontSize(s.size ?? 10).fillColor(s.color ?? C.text);
    shareLayouts(this.doc, src);
  }

  /** Height of text in a width and style. */
  measure(text: string, width: number, s: Style = {}): number {
    this.apply(s);
    return this.doc.heightOfString(this.fonts.clean(text), { width, lineGap: s.lineGap ?? 2 });
  }

  /** Distance from the top of a line of text to the middle of its capital letters (for symbols beside text). */
  capMiddle(s: Style = {}): number {
    this.apply(s);
    const f = (this.doc as unknown as { _font: { ascender: number; capHeight: number } })._font;
    return ((f.ascender - f.capHeight / 2) / 1000) * (s.size ?? 10);
  }

  /** Width of a single line of text. */
  widthOf(text: string, s: Style = {}): number {
    this.apply(s);
    return this.doc.widthOfString(this.fonts.clean(text));
  }

  /**
   * Draws text at (x, y) within width and returns how far the cursor moved (its height). The
   * caller has measured and placed it, so pdfkit must not break the page on its own (it would
   * for text placed in the bottom margin, like the footer). Only a text that starts in the
   * body and would run past it (longer than the block it was measured into could hold)
   * continues on the next page, unless `flow` is false; the returned advance then lands the
   * caller's cursor there.
   */
  text(text: string, x: number, y: number, width: number, s: Style = {}, extra: PDFKit.Mixins.TextOptions = {}, flow?: boolean): number {
    const h = this.measure(text, width, s);
    const flows = flow ?? (y < BOTTOM && y + h > BOTTOM + 0.5);
    const margins = this.doc.page.margins;
    const bottom = margins.bottom;
    if (!flows) margins.bottom = 0;
    try {
      this.doc.text(this.fonts.clean(text), x, y, { width, lineGap: s.lineGap ?? 2, align: s.align ?? 'left', ...extra });
    } finally {
      margins.bottom = bottom;
    }
    return flows ? this.doc.y - y : h;
  }

  /** Draws a paragraph at the cursor across the content width and moves the cursor below it. */
  para(text: string, s: Style = {}, after = 6, x = M.left, width = CONTENT): void {
    const h = this.measure(text, width, s);
    this.ensure(Math.min(h, BOTTOM - M.top));
    const y = this.doc.y;
    this.doc.y = y + this.text(text, x, y, width, s);
    this.doc.x = M.left;
    this.doc.y += after;
  }

  get y(): number {
    return this.doc.y;
  }
  set y(v: number) {
    this.doc.y = v;
  }

  /** Starts a new page when fewer than h points are left. */
  ensure(h: number): void {
    if (this.doc.y + h > BOTTOM) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** Index of the current page (0-based). */
  get page(): number {
    const r = this.doc.bufferedPageRange();
    return r.start + r.count - 1;
  }

  rule(y: number, color = C.rule, x = M.left, width = CONTENT): void {
    this.doc.save().moveTo(x, y).lineTo(x + width, y).lineWidth(0.6).strokeColor(color).stroke().restore();
  }
}

// ---------- small pieces ----------

/** The status shape: filled circle (on track), triangle (at risk), square (off track), ring (no data). */
function statusShape(doc: Doc, status: Status, cx: number, cy: number, r: number): void {
  const color = STATUS_COLOR[status];
  doc.save().lineWidth(1.2).fillColor(color).strokeColor(color);
  if (status === 'on_track') doc.circle(cx, cy, r).fill();
  else if (status === 'at_risk') doc.polygon([cx, cy - r * 1.1], [cx + r * 1.15, cy + r * 0.9], [cx - r * 1.15, cy + r * 0.9]).fill();
  else if (status === 'off_track') doc.rect(cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8).fill();
  else doc.circle(cx, cy, r * 0.85).stroke();
  doc.restore();
}

/** Shape and word of a status at (x, y); returns the width used. */
function statusBadge(w: Writer, status: Status, x: number, y: number, size = 9.5): number {
  const r = size * 0.36;
  statusShape(w.doc, status, x + r + 0.5, y + w.capMiddle({ font: 'medium', size }), r);
  const label = STATUS_LABEL.nb[status];
  w.text(label, x + r * 2 + 5, y, 200, { font: 'medium', size, color: STATUS_COLOR[status] }, { lineBreak: false });
  return r * 2 + 5 + w.widthOf(label, { font: 'medium', size });
}

const badgeWidth = (w: Writer, status: Status, size = 9.5) => size * 0.72 + 5 + w.widthOf(STATUS_LABEL.nb[status], { font: 'medium', size });

/** "2025" for a year-end date, else "30.06.2025". */
const when = (iso: string) => (iso.endsWith('-12-31') ? iso.slice(0, 4) : formatDate(iso));

/** "3 i rute, 2 i fare, 1 ikke i rute og 1 mangler data". */
function countsText(counts: Record<Status, number>): string {
  const parts = STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${STATUS_LABEL.nb[s].toLowerCase()}`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} og ${parts.at(-1)}`;
}

const countOf = (statuses: Status[]) => {
  const c: Record<Status, number> = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const s of statuses) c[s]++;
  return c;
};

/** A formula with indicator names instead of keys: "Lærlinger × 1 000 / Folketall". */
function readableFormula(formula: string, names: Map<string, string>): string {
  return formula.replace(/\{([^}]+)\}/g, (_, k: string) => names.get(k) ?? k).replace(/\*/g, '×').replace(/\b1000\b/g, '1\u00a0000');
}

// ---------- the chart ----------

/** A step of 1, 2, 2.5 or 5 × 10^n near raw. */
function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const exp = Math.floor(Math.log10(raw));
  const f = raw / 10 ** exp;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * 10 ** exp;
}

/** Decimals that show a tick step exactly: 0.25 → 2, 2.5 → 1, 50 → 0. */
function decimalsOf(step: number): number {
  const s = String(Number(step.toPrecision(6)));
  return s.includes('e') ? 4 : Math.min(4, s.split('.')[1]?.length ?? 0);
}
const ms = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const YEAR = 365.2425 * 86_400_000;

/** Chart legend (measured values, path, targets) at (x, y); returns its height. */
function drawLegend(w: Writer, x: number, y: number, size = 7): number {
  const doc = w.doc;
  const cy = y + w.capMiddle({ size });
  let cx = x;
  doc.save().lineWidth(1.4).strokeColor(C.series).moveTo(cx, cy).lineTo(cx + 16, cy).stroke().fillColor(C.series).circle(cx + 8, cy, 2).fill().restore();
  cx += 20;
  w.text('Målt verdi', cx, y, 80, { size, color: C.muted }, { lineBreak: false });
  cx += w.widthOf('Målt verdi', { size }) + 12;
  doc.save().lineWidth(1.1).strokeColor(C.path).dash(2.5, { space: 2 }).moveTo(cx, cy).lineTo(cx + 16, cy).stroke().undash().restore();
  cx += 20;
  w.text('Banen mot målet', cx, y, 90, { size, color: C.muted }, { lineBreak: false });
  cx += w.widthOf('Banen mot målet', { size }) + 12;
  doc.save().lineWidth(1).strokeColor(C.text).fillColor('#ffffff').polygon([cx + 4, cy - 3.6], [cx + 7.6, cy], [cx + 4, cy + 3.6], [cx + 0.4, cy]).fillAndStroke().restore();
  cx += 11;
  w.text('Mål', cx, y, 40, { size, color: C.muted }, { lineBreak: false });
  return size * 1.3;
}

/** A small line chart: measured values, the expected path (dashed) and the targets (diamonds). */
function drawChart(w: Writer, i: IndicatorView, asOf: string, x: number, y: number, width: number, height: number): void {
  const doc = w.doc;
  const values = primaryValues(i).filter((v) => v.date <= asOf);
  const path = [...i.pathPoints].sort((a, b) => a.date.localeCompare(b.date));
  const targets = i.targets;
  const dates = [...values.map((v) => v.date), ...path.map((p) => p.date), ...targets.map((t) => t.date), ...(i.baseline ? [i.baseline.date] : [])];
  const nums = [...values.map((v) => v.value), ...path.map((p) => p.value), ...targets.map((t) => t.value), ...(i.baseline ? [i.baseline.value] : [])];

  doc.save().rect(x, y, width, height).fillColor('#fbfcfd').fill().restore();
  if (!dates.length) {
    w.text('Ingen tall å vise ennå', x, y + height / 2 - 5, width, { size: 8, color: C.muted, align: 'center' });
    return;
  }

  // Y scale: from 0 when the figures sit well above it, otherwise around them.
  let lo = Math.min(...nums);
  let hi = Math.max(...nums);
  if (lo >= 0 && lo <= hi * 0.5) lo = 0;
  if (hi === lo) hi = lo === 0 ? 1 : lo + Math.abs(lo) * 0.2;
  const step = niceStep((hi - lo) / 4);
  lo = Math.floor(lo / step + 1e-9) * step;
  hi = Math.ceil(hi / step - 1e-9) * step;
  if (hi <= lo) hi = lo + step;
  const labelDecimals = decimalsOf(step);
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  const labels = ticks.map((t) => formatNumber(t, labelDecimals));
  const labelSize = 7;
  const labelWidth = Math.max(...labels.map((l) => w.widthOf(l, { size: labelSize })));

  const plot = { left: x + labelWidth + 6, right: x + width - 8, top: y + 12, bottom: y + height - 14 };
  // X scale: years, with the year's label at its end (where yearly figures are dated).
  let x0 = Math.min(...dates.map(ms));
  let x1 = Math.max(...dates.map(ms));
  if (x1 - x0 < YEAR) {
    x0 -= YEAR / 2;
    x1 += YEAR / 2;
  }
  const pad = (x1 - x0) * 0.06;
  x0 -= pad;
  x1 += pad;
  const px = (iso: string) => plot.left + ((ms(iso) - x0) / (x1 - x0)) * (plot.right - plot.left);
  const py = (v: number) => plot.bottom - ((v - lo) / (hi - lo)) * (plot.bottom - plot.top);

  // Grid and y labels.
  ticks.forEach((t, k) => {
    const yy = py(t);
    doc.save().lineWidth(0.5).strokeColor(k === 0 ? '#aab2bb' : C.grid).moveTo(plot.left, yy).lineTo(plot.right, yy).stroke().restore();
    w.text(labels[k]!, x, yy - labelSize * 0.6, labelWidth, { size: labelSize, color: C.muted, align: 'right' }, { lineBreak: false });
  });
  // Year labels: every year, or every second or fifth when they would crowd.
  const firstYear = new Date(x0).getUTCFullYear();
  const lastYear = new Date(x1).getUTCFullYear();
  const span = lastYear - firstYear + 1;
  const every = span <= 7 ? 1 : span <= 14 ? 2 : 5;
  for (let yr = firstYear; yr <= lastYear; yr++) {
    const xx = px(`${yr}-12-31`);
    if (xx < plot.left - 0.5 || xx > plot.right + 0.5 || yr % every !== 0) continue;
    doc.save().lineWidth(0.5).strokeColor('#aab2bb').moveTo(xx, plot.bottom).lineTo(xx, plot.bottom + 2.5).stroke().restore();
    w.text(String(yr), xx - 15, plot.bottom + 3.5, 30, { size: labelSize, color: C.muted, align: 'center' }, { lineBreak: false });
  }

  // The path from the baseline through the targets, dashed.
  if (path.length > 1) {
    doc.save().lineWidth(1.1).strokeColor(C.path).dash(2.5, { space: 2 });
    path.forEach((p, k) => (k === 0 ? doc.moveTo(px(p.date), py(p.value)) : doc.lineTo(px(p.date), py(p.value))));
    doc.stroke().undash().restore();
  }
  // Targets as diamonds.
  for (const t of targets) {
    const cx = px(t.date);
    const cy = py(t.value);
    doc.save().lineWidth(1).strokeColor(C.text).fillColor('#ffffff').polygon([cx, cy - 4], [cx + 4, cy], [cx, cy + 4], [cx - 4, cy]).fillAndStroke().restore();
  }
  // Measured values: line and points; the latest one labelled.
  if (values.length) {
    doc.save().lineWidth(1.6).strokeColor(C.series);
    values.forEach((v, k) => (k === 0 ? doc.moveTo(px(v.date), py(v.value)) : doc.lineTo(px(v.date), py(v.value))));
    if (values.length > 1) doc.stroke();
    doc.restore();
    for (const v of values) doc.save().fillColor(C.series).circle(px(v.date), py(v.value), 2.3).fill().restore();
    const last = values.at(-1)!;
    const label = formatNumber(last.value, i.decimals);
    const lw = w.widthOf(label, { font: 'medium', size: 7.5 });
    const lx = Math.min(Math.max(px(last.date) - lw / 2, plot.left), plot.right - lw);
    const ly = py(last.value) - 12 < y + 1 ? py(last.value) + 4 : py(last.value) - 12;
    // A pale ground keeps the label readable where a line runs behind it.
    doc.save().fillColor('#fbfcfd').fillOpacity(0.9).rect(lx - 1.5, ly - 0.5, lw + 3, 9.5).fill().restore();
    w.text(label, lx, ly, lw + 2, { font: 'medium', size: 7.5, color: C.series }, { lineBreak: false });
  } else {
    w.text('Ingen målte verdier ennå', plot.left, plot.top + 2, plot.right - plot.left, { size: 7.5, color: C.muted, align: 'center' });
  }
}

// ---------- sections ----------

function cover(w: Writer, r: ReportInput): void {
  const { doc } = w;
  const v = r.view;
  const bandH = 300;
  doc.save().rect(0, 0, A4.width, bandH).fill(C.accent).restore();
  let y = 86;
  y += w.text(r.municipality.name.toUpperCase(), M.left, y, CONTENT, { font: 'medium', size: 11, color: '#c9d6e6' }, { characterSpacing: 1.2 }) + 18;
  y += w.text(v.name.nb, M.left, y, CONTENT, { font: 'bold', size: 26, color: '#ffffff', lineGap: 3 }) + 14;
  w.text(`Årsrapport ${r.year}`, M.left, y, CONTENT, { font: 'regular', size: 18, color: '#ffffff' });
  w.text(`Tall per ${formatLongDate(v.asOf)} · Laget ${formatLongDate(r.generatedOn)}`, M.left, bandH - 44, CONTENT, { size: 10, color: '#c9d6e6' });

  y = bandH + 36;
  const goals = v.areas.flatMap((a) => a.goals);
  const indicators = goals.flatMap((g) => g.indicators);
  const blocks: { title: string; counts: Record<Status, number>; of: string }[] = [
    { title: 'Programmets punkter', counts: countOf(goals.map((g) => g.status)), of: `av ${goals.length} punkter` },
    { title: 'Indikatorer', counts: v.statusCounts, of: `av ${indicators.length} indikatorer` },
  ];
  for (const b of blocks) {
    y += w.text(b.title, M.left, y, CONTENT, { font: 'bold', size: 12 }) + 8;
    const gap = 10;
    const boxW = (CONTENT - gap * 3) / 4;
    STATUS_ORDER.forEach((s, k) => {
      const bx = M.left + k * (boxW + gap);
      doc.save().roundedRect(bx, y, boxW, 66, 4).fill(C.band).restore();
      doc.save().rect(bx, y, 3, 66).fill(STATUS_COLOR[s]).restore();
      w.text(String(b.counts[s]), bx + 14, y + 9, boxW - 20, { font: 'bold', size: 22 });
      statusBadge(w, s, bx + 14, y + 38, 9);
      w.text(b.of, bx + 14, y + 51, boxW - 20, { size: 7.5, color: C.muted }, { lineBreak: false });
    });
    y += 66 + 22;
  }
  if (v.description.nb) {
    const h = Math.min(w.measure(v.description.nb, CONTENT, { size: 10, color: C.muted, lineGap: 3 }), BOTTOM - y - 40);
    w.text(v.description.nb, M.left, y, CONTENT, { size: 10, color: C.muted, lineGap: 3 }, { height: h, ellipsis: true }, false);
  }
  const edition = r.publicOnly
    ? 'Offentlig utgave: bare indikatorer som er offentlige. Tallene er de samme som på kommunens nettsider og i det åpne datasettet.'
    : 'Intern utgave: alle indikatorer, også de som bare er for kommunens ansatte.';
  w.text(`${edition} Laget med Omstilling.`, M.left, A4.height - 64, CONTENT, { size: 8, color: C.muted });
}

interface TocEntry {
  title: string;
  page: number;
  dest: string;
}

/** Contents, how status is computed, and how to read the charts. Returns where the contents go. */
function readingGuide(w: Writer, r: ReportInput, tocCount: number): { y: number } {
  w.section = 'Slik leser du rapporten';
  w.newPage();
  w.para('Innhold', { font: 'bold', size: 20, color: C.accent }, 10);
  const tocY = w.y;
  w.y += tocCount * 19 + 18;

  w.para('Slik beregnes status', { font: 'bold', size: 15, color: C.accent }, 6);
  w.para(
    'Hvert punkt i programmet har én eller flere indikatorer med en utgangsverdi, mål med dato og målte verdier. Mellom utgangsverdien og målene går en bane: verdien vi skulle ha nådd på hvert tidspunkt for å nå målet i tide. Statusen regnes ut på samme måte for alle indikatorer:',
    { size: 10, lineGap: 3 },
    10,
  );
  // The rule text as one item per status (with its shape), the rest as paragraphs.
  const sentences = r.view.rules.text.nb.split(/(?<=\.)\s+(?=[A-ZÆØÅ])/);
  for (const s of sentences) {
    const status = STATUS_ORDER.find((st) => s.startsWith(`${STATUS_LABEL.nb[st]}:`));
    if (!status) {
      w.para(s, { size: 10, lineGap: 3 }, 8);
      continue;
    }
    const rest = s.slice(STATUS_LABEL.nb[status].length + 1).trim();
    const body = rest.charAt(0).toUpperCase() + rest.slice(1);
    const indent = 96;
    const h = Math.max(w.measure(body, CONTENT - indent, { size: 10, lineGap: 3 }), 14);
    w.ensure(h);
    const y = w.y;
    statusBadge(w, status, M.left, y, 10);
    w.text(body, M.left + indent, y, CONTENT - indent, { size: 10, lineGap: 3 });
    w.y = y + h + 8;
  }
  w.para('Et punkt med flere indikatorer er altså ikke i rute så snart én av dem er det, selv om de andre går bra. Grunnen til hver status står ved indikatoren, med tallene den bygger på.', { size: 10, lineGap: 3, color: C.muted }, 16);

  w.para('Slik leser du figurene', { font: 'bold', size: 15, color: C.accent }, 6);
  w.ensure(30);
  const ly = w.y;
  drawLegend(w, M.left, ly, 9);
  w.y = ly + 20;
  w.para(
    `Den heltrukne linjen viser målte verdier, med siste verdi skrevet over punktet. Den stiplede linjen er banen fra utgangsverdien mot målene, og rutertegnene er målene (delmål og sluttmål). Tall skrives på norsk vis, for eksempel 1 234,5. Under hver figur står hvor tallene kommer fra. Alle tall er hentet fra Omstilling per ${formatDate(r.view.asOf)}.`,
    { size: 10, lineGap: 3 },
    8,
  );
  return { y: tocY };
}

function drawToc(w: Writer, at: { y: number; page: number }, entries: TocEntry[]): void {
  w.doc.switchToPage(at.page);
  let y = at.y;
  for (const e of entries) {
    const num = String(e.page + 1);
    const numW = w.widthOf(num, { size: 11 });
    const titleW = Math.min(w.widthOf(e.title, { size: 11 }), CONTENT - 60);
    w.text(e.title, M.left, y, CONTENT - 60, { size: 11, color: C.accent }, { lineBreak: false, goTo: e.dest, height: 14, ellipsis: true });
    // Dotted leader to the page number.
    w.doc.save().lineWidth(0.7).strokeColor(C.faint).dash(0.7, { space: 2.5 }).moveTo(M.left + titleW + 6, y + 10).lineTo(M.left + CONTENT - numW - 6, y + 10).stroke().undash().restore();
    w.text(num, M.left + CONTENT - numW, y, numW + 1, { size: 11 }, { lineBreak: false, goTo: e.dest });
    y += 19;
  }
}

/** The key figure of a point: its first indicator, and its latest value against its final target. */
function keyFigure(g: GoalView, publicOnly: boolean): { name: string; figure: string } {
  const i = g.indicators[0];
  if (!i) return { name: publicOnly ? 'Ingen offentlig indikator' : 'Ingen indikator', figure: '' };
  const final = finalTargetOf(i);
  const latest = i.latestValue === null ? 'Ingen verdi ennå' : `${formatValue(i.latestValue, i)} (${i.latestPeriod ?? when(i.latestDate ?? '')})`;
  const target = final ? `mål ${formatValue(final.value, i)} i\u00a0${when(final.date)}` : 'uten mål';
  return { name: i.name.nb, figure: `${latest} · ${target}` };
}

function summaryTable(w: Writer, r: ReportInput): void {
  const cols = [
    { title: 'Punkt', width: 152 },
    { title: 'Status', width: 76 },
    { title: 'Ansvarlig enhet', width: 86 },
    { title: 'Nøkkeltall: siste verdi og mål', width: CONTENT - 152 - 76 - 86 },
  ];
  const padX = 6;
  const padY = 6;
  const size = 8.5;
  const header = () => {
    const y = w.y;
    w.doc.save().rect(M.left, y, CONTENT, 20).fill(C.accent).restore();
    let x = M.left;
    for (const c of cols) {
      w.text(c.title, x + padX, y + 5.5, c.width - padX * 2, { font: 'medium', size: 8, color: '#ffffff' }, { lineBreak: false });
      x += c.width;
    }
    w.y = y + 20;
  };
  w.para('Oversikt over alle punkter', { font: 'bold', size: 20, color: C.accent }, 4);
  w.para(`Status for hvert punkt per ${formatDate(r.view.asOf)}: den dårligste statusen blant punktets indikatorer som har data. Nøkkeltallet er punktets første indikator.`, { size: 9.5, color: C.muted, lineGap: 2 }, 10);
  header();
  for (const a of r.view.areas) {
    const areaTitle = `${a.code}  ${a.title.nb}`;
    const ah = w.measure(areaTitle, CONTENT - padX * 2, { font: 'bold', size: 9.5 }) + padY * 2;
    if (w.y + ah + 40 > BOTTOM) {
      w.newPage();
      header();
    }
    const ay = w.y;
    w.doc.save().rect(M.left, ay, CONTENT, ah).fill(C.accentLight).restore();
    w.text(areaTitle, M.left + padX, ay + padY, CONTENT - padX * 2, { font: 'bold', size: 9.5, color: C.accent });
    w.y = ay + ah;
    for (const g of a.goals) {
      const key = keyFigure(g, r.publicOnly);
      const keyW = cols[3]!.width - padX * 2;
      const nameStyle: Style = { size: 7.5, color: C.muted, lineGap: 1 };
      const nameH = w.measure(key.name, keyW, nameStyle) + 2;
      const cells = [`${g.code}  ${g.title.nb}`, '', g.responsibleUnit?.name ?? '–'];
      const heights = cells.map((c, k) => (k === 1 ? 12 : w.measure(c, cols[k]!.width - padX * 2, { font: k === 0 ? 'medium' : 'regular', size })));
      heights.push(nameH + (key.figure ? w.measure(key.figure, keyW, { size }) : 0));
      const h = Math.max(...heights) + padY * 2;
      if (w.y + h > BOTTOM) {
        w.newPage();
        header();
      }
      const y = w.y;
      let x = M.left;
      cells.forEach((c, k) => {
        if (k === 1) statusBadge(w, g.status, x + padX, y + padY, size);
        else w.text(c, x + padX, y + padY, cols[k]!.width - padX * 2, { font: k === 0 ? 'medium' : 'regular', size });
        x += cols[k]!.width;
      });
      w.text(key.name, x + padX, y + padY, keyW, nameStyle);
      if (key.figure) w.text(key.figure, x + padX, y + padY + nameH, keyW, { size });
      w.rule(y + h);
      w.y = y + h;
    }
  }
  w.y += 10;
}

/** The facts beside an indicator's chart: latest value, targets, baseline, when the next figure is due, source. */
function indicatorFacts(i: IndicatorView, view: ProgramView, names: Map<string, string>): { label: string; text: string }[] {
  const facts: { label: string; text: string }[] = [];
  facts.push({ label: 'Siste verdi', text: i.latestValue === null ? 'ingen ennå' : `${formatValue(i.latestValue, i)} (${i.latestPeriod ?? when(i.latestDate ?? '')})` });
  const targets = [...i.targets].sort((a, b) => a.date.localeCompare(b.date));
  targets.forEach((t, k) => facts.push({ label: targets.length > 1 ? (k === targets.length - 1 ? 'Sluttmål' : 'Delmål') : 'Mål', text: `${formatValue(t.value, i)} innen ${formatDate(t.date)}` }));
  if (i.baseline) facts.push({ label: 'Utgangsverdi', text: `${formatValue(i.baseline.value, i)} (${when(i.baseline.date)})` });
  if (i.nextDue) facts.push({ label: 'Neste tall', text: i.nextDue > view.asOf ? `ventes innen ${formatDate(i.nextDue)}` : `skulle vært levert innen ${formatDate(i.nextDue)}` });
  const s = primarySourceOf(i);
  if (s) {
    const method = s.kind === 'derived' && i.formula ? `Beregnet: ${readableFormula(i.formula, names)}` : s.method;
    facts.push({ label: 'Kilde', text: [s.producer, s.kind === 'open_data' ? s.name : null, s.version || null, method].filter(Boolean).join('. ').replace(/\.\./g, '.') });
  }
  return facts;
}

/** A block measured before it is drawn, so a page break never cuts it. */
interface Block {
  height: number;
  draw(): void;
}

function indicatorBlock(w: Writer, i: IndicatorView, r: ReportInput, names: Map<string, string>): Block {
  const chartW = 212;
  const chartH = 118;
  const gap = 18;
  const textX = M.left + chartW + gap;
  const textW = CONTENT - chartW - gap;
  const labelW = 72;
  const title = i.visibility === 'internal' && !r.publicOnly ? `${i.name.nb} (intern indikator)` : i.name.nb;
  const titleH = w.measure(title, CONTENT, { font: 'medium', size: 10.5 });
  const reason = reasonText(i);
  const facts = indicatorFacts(i, r.view, names);
  const factH = (f: { text: string }) => w.measure(f.text, textW - labelW, { size: 8.5 });
  const textH = 16 + w.measure(reason, textW, { size: 9, lineGap: 2 }) + 6 + facts.reduce((sum, f) => sum + factH(f) + 3, 0);
  return {
    height: titleH + 8 + Math.max(chartH + 14, textH) + 14,
    draw() {
      let y = w.y;
      w.text(title, M.left, y, CONTENT, { font: 'medium', size: 10.5 });
      y += titleH + 8;
      drawChart(w, i, r.view.asOf, M.left, y, chartW, chartH);
      drawLegend(w, M.left, y + chartH + 4);
      let ty = y;
      statusBadge(w, i.status, textX, ty, 9.5);
      ty += 16;
      ty += w.text(reason, textX, ty, textW, { size: 9, lineGap: 2 }) + 6;
      for (const f of facts) {
        w.text(f.label, textX, ty, labelW - 4, { font: 'medium', size: 8.5, color: C.muted }, { lineBreak: false });
        ty += w.text(f.text, textX + labelW, ty, textW - labelW, { size: 8.5, color: f.label === 'Kilde' ? C.muted : C.text }) + 3;
      }
      w.y = Math.max(y + chartH + 14, ty) + 14;
    },
  };
}

function actionBlock(w: Writer, a: ActionView, asOf: string): Block {
  const period = a.startDate && a.endDate ? (a.startDate.slice(0, 4) === a.endDate.slice(0, 4) ? a.startDate.slice(0, 4) : `${a.startDate.slice(0, 4)}–${a.endDate.slice(0, 4)}`) : a.startDate ? `fra ${a.startDate.slice(0, 4)}` : a.endDate ? `til ${a.endDate.slice(0, 4)}` : null;
  const meta = [
    ACTION_STATUS_LABEL.nb[a.status] ?? a.status,
    a.responsibleUnit ? `Ansvarlig: ${a.responsibleUnit.name}` : 'Ingen ansvarlig enhet',
    period,
    a.budgetNok !== null ? `Budsjett ${formatNumber(a.budgetNok, 0)} kr` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const logs = a.log
    .filter((l) => l.date <= asOf)
    .sort((x, y) => y.date.localeCompare(x.date))
    .slice(0, 3);
  const indent = 12;
  const dateW = 58;
  const entryText = (l: ActionView['log'][number]) => `${LOG_KIND[l.kind] ?? l.kind}${l.caseNumber ? ` (sak ${l.caseNumber})` : ''}: ${l.text.nb}`;
  const bodyW = CONTENT - indent;
  const titleH = w.measure(a.title.nb, bodyW, { font: 'medium', size: 9.5 });
  const metaH = w.measure(meta, bodyW, { size: 8.5 });
  const logH = logs.length ? logs.reduce((sum, l) => sum + w.measure(entryText(l), bodyW - dateW, { size: 8.5 }) + 3, 0) : w.measure('x', bodyW, { size: 8.5 }) + 3;
  return {
    height: titleH + metaH + 3 + logH + 9,
    draw() {
      let y = w.y;
      w.doc.save().rect(M.left, y + 2, 2.5, titleH + metaH - 2).fill(C.accent).restore();
      y += w.text(a.title.nb, M.left + indent, y, bodyW, { font: 'medium', size: 9.5 });
      y += w.text(meta, M.left + indent, y, bodyW, { size: 8.5, color: C.muted }) + 3;
      for (const l of logs) {
        w.text(formatDate(l.date), M.left + indent, y, dateW, { size: 8.5, color: C.muted }, { lineBreak: false });
        y += w.text(entryText(l), M.left + indent + dateW, y, bodyW - dateW, { size: 8.5 }) + 3;
      }
      if (!logs.length) y += w.text('Ingen oppdateringer eller vedtak registrert.', M.left + indent, y, bodyW, { size: 8.5, color: C.muted }) + 3;
      w.y = y + 9;
    },
  };
}

/** Draws a block on this page if it fits, else on the next. */
function place(w: Writer, b: Block, keepWith = 0): void {
  w.ensure(b.height + keepWith);
  b.draw();
}

function goalSection(w: Writer, g: GoalView, r: ReportInput, names: Map<string, string>, outline: PDFKit.PDFOutline): void {
  const badgeW = badgeWidth(w, g.status, 10) + 4;
  const title = `${g.code}  ${g.title.nb}`;
  const titleW = CONTENT - badgeW - 12;
  const titleH = w.measure(title, titleW, { font: 'bold', size: 14 });
  const meta = [g.responsibleUnit ? `Ansvarlig enhet: ${g.responsibleUnit.name}` : 'Ingen ansvarlig enhet', g.indicators.length ? `Indikatorer: ${countsText(g.statusCounts)}` : null].filter(Boolean).join(' · ');
  const metaH = w.measure(meta, CONTENT, { size: 8.5 });
  const textH = w.measure(g.text.nb, CONTENT - 14, { font: 'italic', size: 9.5, lineGap: 2.5 });
  const blocks = g.indicators.map((i) => indicatorBlock(w, i, r, names));
  // Keep the heading with the point text and the first indicator.
  w.ensure(10 + titleH + 3 + metaH + 8 + textH + 16 + (blocks[0]?.height ?? 30));
  outline.addItem(title);
  w.doc.addNamedDestination(`punkt-${g.code}`);
  let y = w.y;
  w.rule(y, C.accent);
  y += 10;
  w.text(title, M.left, y, titleW, { font: 'bold', size: 14, color: C.accent });
  statusBadge(w, g.status, M.left + CONTENT - badgeW + 4, y + 3, 10);
  y += titleH + 3;
  y += w.text(meta, M.left, y, CONTENT, { size: 8.5, color: C.muted }) + 8;
  // The point as the program states it, set off by a bar.
  w.doc.save().rect(M.left, y, 2.5, textH).fill(C.rule).restore();
  y += w.text(g.text.nb, M.left + 14, y, CONTENT - 14, { font: 'italic', size: 9.5, lineGap: 2.5, color: C.muted }) + 16;
  w.y = y;

  if (!g.indicators.length) w.para(r.publicOnly ? 'Punktet har ingen offentlige indikatorer.' : 'Punktet har ingen indikatorer ennå.', { size: 9, color: C.muted }, 10);
  for (const b of blocks) place(w, b);
  if (g.actions.length) {
    const actions = g.actions.map((a) => actionBlock(w, a, r.view.asOf));
    const headingH = w.measure('Tiltak for', CONTENT, { font: 'bold', size: 11 }) + 6;
    w.ensure(headingH + actions[0]!.height);
    w.para(`Tiltak for ${g.code} (${g.actions.length})`, { font: 'bold', size: 11 }, 6);
    for (const b of actions) place(w, b);
  }
  w.y += 12;
}

function areaSection(w: Writer, a: AreaView, r: ReportInput, names: Map<string, string>, toc: TocEntry[]): void {
  w.section = `${a.code}  ${a.title.nb}`;
  w.newPage();
  toc.push({ title: `${a.code}  ${a.title.nb}`, page: w.page, dest: `omrade-${a.code}` });
  w.doc.addNamedDestination(`omrade-${a.code}`);
  const outline = w.doc.outline.addItem(`${a.code}  ${a.title.nb}`);
  const y = w.y;
  w.text(a.code, M.left, y - 4, 60, { font: 'bold', size: 38, color: C.accent });
  const h = w.text(a.title.nb, M.left + 50, y + 2, CONTENT - 50, { font: 'bold', size: 20, color: C.accent });
  w.y = Math.max(y + 44, y + 2 + h + 6);
  if (a.description.nb) w.para(a.description.nb, { size: 10, lineGap: 3 }, 8);
  const statusY = w.y;
  const bw = statusBadge(w, a.status, M.left, statusY, 10);
  w.text(`Indikatorene i området: ${countsText(a.statusCounts) || 'ingen'}.`, M.left + bw + 10, statusY, CONTENT - bw - 10, { size: 9.5, color: C.muted });
  w.y = statusY + 28;
  for (const g of a.goals) goalSection(w, g, r, names, outline);
}

function contextSection(w: Writer, r: ReportInput, toc: TocEntry[]): void {
  const list = r.view.contextIndicators;
  if (!list.length) return;
  w.ensure(120);
  toc.push({ title: 'Bakgrunnstall', page: w.page, dest: 'bakgrunnstall' });
  w.doc.addNamedDestination('bakgrunnstall');
  w.doc.outline.addItem('Bakgrunnstall');
  w.para('Bakgrunnstall', { font: 'bold', size: 15, color: C.accent }, 4);
  w.para('Tall som flere indikatorer regnes ut fra, for eksempel per innbygger.', { size: 9.5, color: C.muted }, 8);
  for (const i of list) {
    const s = primarySourceOf(i);
    const line = `${i.name.nb}: ${i.latestValue === null ? 'ingen verdi' : `${formatValue(i.latestValue, i)} (${i.latestPeriod ?? ''})`}${s ? `. Kilde: ${s.producer}` : ''}`;
    w.para(line, { size: 9.5 }, 4);
  }
}

/** Running header and footer with page numbers on every page but the cover. */
function decorate(w: Writer, r: ReportInput): void {
  const { doc } = w;
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let p = range.start; p < range.start + total; p++) {
    doc.switchToPage(p);
    if (p === range.start) continue;
    // Text below the bottom margin would start a new page; lift the margin while drawing here.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const section = w.sections[p - range.start] ?? '';
    w.text(`${r.municipality.name} · ${r.view.name.nb}`, M.left, 30, CONTENT * 0.6, { size: 7.5, color: C.faint }, { lineBreak: false, height: 10, ellipsis: true });
    if (section) w.text(section, M.left + CONTENT * 0.4, 30, CONTENT * 0.6, { size: 7.5, color: C.faint, align: 'right' }, { lineBreak: false, height: 10, ellipsis: true });
    const fy = A4.height - 44;
    w.rule(fy - 8);
    w.text(`Årsrapport ${r.year} · Tall per ${formatDate(r.view.asOf)}${r.publicOnly ? ' · Offentlig utgave' : ' · Intern utgave'}`, M.left, fy, CONTENT - 80, { size: 8, color: C.muted }, { lineBreak: false });
    w.text(`Side ${p - range.start + 1} av ${total}`, M.left + CONTENT - 120, fy, 120, { size: 8, color: C.muted, align: 'right' }, { lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}

/** Draws the report; resolves to the PDF bytes and the number of pages. */
export function renderReport(r: ReportInput, options: { font?: 'auto' | 'helvetica'; compress?: boolean } = {}): Promise<{ body: Buffer; pages: number; font: ReportFonts['family'] }> {
  const fonts = reportFonts(options.font ?? 'auto');
  const title = `${r.view.name.nb} – årsrapport ${r.year}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...M },
    bufferPages: true,
    autoFirstPage: false,
    compress: options.compress ?? true,
    lang: 'nb-NO',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: title, Author: r.municipality.name, Subject: `Årsrapport ${r.year} for ${r.view.name.nb}`, Creator: 'Omstilling', Producer: 'Omstilling (pdfkit)', CreationDate: new Date(`${r.generatedOn}T12:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const w = new Writer(doc, fonts);
  const names = new Map(indicatorsOf(r.view).map(({ indicator }) => [indicator.key, indicator.name.nb]));
  w.section = '';
  w.newPage();
  cover(w, r);
  const toc: TocEntry[] = [];
  const tocCount = 1 + r.view.areas.length + (r.view.contextIndicators.length ? 1 : 0);
  const tocAt = readingGuide(w, r, tocCount);
  const tocPage = w.page;
  doc.outline.addItem('Slik beregnes status');

  w.section = 'Oversikt over alle punkter';
  w.newPage();
  toc.push({ title: 'Oversikt over alle punkter', page: w.page, dest: 'oversikt' });
  doc.addNamedDestination('oversikt');
  doc.outline.addItem('Oversikt over alle punkter');
  summaryTable(w, r);
  for (const a of r.view.areas) areaSection(w, a, r, names, toc);
  contextSection(w, r, toc);

  drawToc(w, { y: tocAt.y, page: tocPage }, toc);
  decorate(w, r);
  const pages = doc.bufferedPageRange().count;
  doc.end();
  return done.then((body) => ({ body, pages, font: fonts.family }));
}

/** The figures are as of 31 December of the year, or today while the year is running. */
export function reportAsOf(year: number, today: string): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

/** The annual council report of a program as PDF. */
export async function councilReport(ctx: Ctx, idOrKey: string, options: ReportOptions): Promise<ExportFile & { pages: number; font: ReportFonts['family'] }> {
  const today = nowIso(ctx).slice(0, 10);
  const thisYear = Number(today.slice(0, 4));
  const year = options.year ?? thisYear;
  if (!Number.isInteger(year) || year > thisYear || year < 1900) throw AppError.validation(`Ingen årsrapport for ${year}`, [{ field: 'year', message: `Året må være ${thisYear} eller tidligere` }]);
  const { view, municipality } = await exportView(ctx, idOrKey, { publicOnly: options.publicOnly, asOf: reportAsOf(year, today) });
  if (`${year}-12-31` < view.startDate) throw AppError.validation(`Programmet startet ${formatDate(view.startDate)}`, [{ field: 'year', message: `Velg ${view.startDate.slice(0, 4)} eller senere` }]);
  const out = await renderReport({ view, municipality, year, generatedOn: today, publicOnly: options.publicOnly }, { font: options.font, compress: options.compress });
  const name = `${fileSlug(view.key) || 'program'}-arsrapport-${year}${options.publicOnly ? '' : '-intern'}.pdf`;
  return { fileName: name, contentType: 'application/pdf', body: out.body, pages: out.pages, font: out.font };
}
