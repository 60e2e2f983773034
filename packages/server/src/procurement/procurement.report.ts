import PDFDocument from 'pdfkit';
import ExcelJS from 'exceljs';
import { EXCEPTION_TEXT, PRICE_MODEL_FORMULAS, TOTAL_FORMULA, type PriceModel } from '@omstilling/core';
import type { Ctx } from '../platform/context.js';
import { reportFonts } from '../program/report.fonts.js';
import { tenderEvaluation, type EvaluationView, type ProcurementDeps } from './procurement.service.js';

// The evaluation report for the procurement file: what a complaints board needs to follow the award —
// criteria and weights, the 30 % rule and any justification, each bid's points per criterion with the
// formula, totals, ranking, warnings (rank reversal, ties, missing scores) and the sensitivity range.

const KIND_NB: Record<string, string> = { price: 'Pris', lcc: 'Livsløpskostnad', environment: 'Klima og miljø', quality: 'Kvalitet', other: 'Annet' };
const nf = (n: number | null | undefined, d = 2) => (n === null || n === undefined ? '–' : n.toLocaleString('nb-NO', { maximumFractionDigits: d }).replace(/\u00a0/g, ' '));
const kr = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${nf(Math.round(n), 0)} kr`);

function modelText(m: PriceModel): string {
  const f = PRICE_MODEL_FORMULAS[m.kind].nb;
  if (m.kind === 'linear') return `Lineær: ${f}, maks ${m.maxPoints} poeng, helning ${m.slope ?? 1}${m.floorAtZero ? ', laveste poeng 0' : ', negative poeng tillatt'}`;
  if (m.kind === 'proportional') return `Proporsjonal: ${f}, maks ${m.maxPoints} poeng`;
  return `Kvalitetsjustert pris: ${f}, maks ${m.maxPoints} poeng`;
}

/** The rows of the report, shared by the PDF and the workbook. */
function rowsOf(v: EvaluationView) {
  const criteria = v.tender.criteria;
  const supplier = new Map(v.bids.map((b) => [b.label, b.supplierName]));
  return {
    facts: [
      ['Saksnummer', v.tender.reference],
      ['Tittel', v.tender.title],
      ['CPV', `${v.tender.cpv}${v.tender.cpvName ? ` ${v.tender.cpvName}` : ''}`],
      ['Anslått verdi (ekskl. mva.)', kr(v.tender.estimatedValueNok)],
      ['Prosedyre', v.tender.procedure],
      ['Status', v.tender.status],
    ],
    rule: v.rules.explanation,
    exception: v.tender.exception ? `${EXCEPTION_TEXT[v.tender.exception.kind].nb}. Begrunnelse: ${v.tender.exception.justification}` : null,
    criteria: criteria.map((c) => [c.name, KIND_NB[c.kind] ?? c.kind, v.tender.weighting === 'ranking' ? `plass ${c.rank ?? '–'}` : `${nf(c.weight ?? 0)} %`]),
    price: modelText(v.tender.priceModel),
    total: TOTAL_FORMULA.nb,
    header: ['Plass', 'Tilbud', 'Leverandør', 'Pris', 'Livsløpskostnad', 'Herav klimakostnad', ...criteria.map((c) => c.name), 'Total'],
    ranking: v.ranking.map((r) => [String(r.rank), r.bid, supplier.get(r.bid) ?? '', kr(r.priceNok), kr(r.lcc?.lccNok), kr(r.lcc?.carbonNok), ...criteria.map((c) => nf(r.points[c.id])), nf(r.total)]),
    winner: v.winner,
    findings: [...v.errors.map((e) => `Feil ${e.code}: ${e.message}`), ...v.warnings.map((w) => `Advarsel ${w.code}: ${w.message}`)],
    sensitivity: v.sensitivity ? `Vinneren (${v.sensitivity.winner}) står seg for en miljøvekt fra ${nf(v.sensitivity.from)} % til ${nf(v.sensitivity.to)} % (tilbudt vekt ${nf(v.sensitivity.envWeight)} %; de andre vektene justert forholdsmessig).` : 'Sensitivitet: ikke beregnet (ingen miljøvekt, bare ett tilbud eller ingen entydig vinner).',
    carbon: `Karbonprisbane: ${v.carbonPricePath.name} (${v.carbonPricePath.unit}, versjon ${v.carbonPricePath.version}). ${v.carbonPricePath.status}. Diskonteringsrente 4 % med mindre annet er oppgitt per tilbud.`,
  };
}

/** The evaluation report as a PDF (A4, Norwegian). */
export async function evaluationPdf(ctx: Ctx, deps: ProcurementDeps, tenderId: string, opts: { compress?: boolean } = {}): Promise<{ fileName: string; body: Buffer }> {
  const v = await tenderEvaluation(ctx, deps, tenderId);
  const r = rowsOf(v);
  const fonts = reportFonts();
  const t = fonts.clean;
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 64, left: 56, right: 56 }, compress: opts.compress ?? true, info: { Title: `Evalueringsrapport ${v.tender.reference}`, Author: 'Omstilling' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const h = (s: string, size = 13) => doc.moveDown(0.6).font(fonts.bold).fontSize(size).fillColor('#1f2328').text(t(s)).moveDown(0.2).font(fonts.regular).fontSize(10);
  doc.font(fonts.bold).fontSize(18).text(t(`Evalueringsrapport – ${v.tender.title}`));
  doc.font(fonts.regular).fontSize(10).fillColor('#59636e').text(t(`Laget ${ctx.now().toISOString().slice(0, 10)} i Omstilling`)).fillColor('#1f2328');
  h('Konkurransen');
  for (const [k, val] of r.facts) doc.text(t(`${k}: ${val}`));
  h('Klima og miljø (anskaffelsesforskriften § 7-9)');
  doc.text(t(r.rule));
  if (r.exception) doc.moveDown(0.3).text(t(`Unntak: ${r.exception}`));
  h('Tildelingskriterier');
  for (const [name, kind, w] of r.criteria) doc.text(t(`• ${name} (${kind}): ${w}`));
  h('Formler');
  doc.text(t(`Pris: ${r.price}`)).text(t(`Sum: ${r.total}`)).text(t('Poeng for andre kriterier settes av evalueringsgruppen på skalaen 0 til maks; et manglende poeng regnes som 0 og står som advarsel.'));
  h('Rangering');
  for (const row of r.ranking) doc.text(t(r.header.map((hd, i) => `${hd}: ${row[i]}`).join(' · ')), { paragraphGap: 4 });
  if (!r.ranking.length) doc.text(t('Ingen rangering (se feil under).'));
  doc.moveDown(0.3).font(fonts.bold).text(t(`Vinner: ${r.winner ?? 'ingen entydig vinner'}`)).font(fonts.regular);
  h('Kontroller');
  doc.text(t(r.sensitivity));
  for (const f of r.findings) doc.text(t(`• ${f}`), { paragraphGap: 3 });
  if (!r.findings.length) doc.text(t('Ingen advarsler eller feil.'));
  doc.moveDown(0.5).fillColor('#59636e').fontSize(9).text(t(r.carbon));
  doc.end();
  await done;
  return { fileName: `evaluering-${v.tender.reference.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`, body: Buffer.concat(chunks) };
}

/** The evaluation report as an Excel workbook: the tender, criteria, and one row per bid with points per criterion. */
export async function evaluationXlsx(ctx: Ctx, deps: ProcurementDeps, tenderId: string): Promise<{ fileName: string; body: Buffer }> {
  const v = await tenderEvaluation(ctx, deps, tenderId);
  const r = rowsOf(v);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Omstilling';
  const s1 = wb.addWorksheet('Konkurranse');
  s1.columns = [{ width: 32 }, { width: 90 }];
  for (const row of r.facts) s1.addRow(row);
  s1.addRow([]);
  s1.addRow(['30 %-regelen', r.rule]);
  if (r.exception) s1.addRow(['Unntak', r.exception]);
  s1.addRow(['Prisformel', r.price]);
  s1.addRow(['Sum', r.total]);
  s1.addRow(['Sensitivitet', r.sensitivity]);
  s1.addRow(['Karbonpris', r.carbon]);
  s1.getColumn(1).font = { bold: true };
  const s2 = wb.addWorksheet('Kriterier');
  s2.addRow(['Kriterium', 'Type', 'Vekt']).font = { bold: true };
  for (const row of r.criteria) s2.addRow(row);
  const s3 = wb.addWorksheet('Rangering', { views: [{ state: 'frozen', ySplit: 1 }] });
  s3.addRow(r.header).font = { bold: true };
  // Numbers as numbers, so the officer can check the sums in Excel.
  for (const x of v.ranking) {
    const b = v.bids.find((bb) => bb.label === x.bid);
    s3.addRow([x.rank, x.bid, b?.supplierName ?? '', x.priceNok, x.lcc ? Math.round(x.lcc.lccNok) : null, x.lcc ? Math.round(x.lcc.carbonNok) : null, ...v.tender.criteria.map((c) => x.points[c.id] ?? null), x.total]);
  }
  const s4 = wb.addWorksheet('Advarsler og feil');
  s4.addRow(['Kode', 'Melding']).font = { bold: true };
  for (const e of v.errors) s4.addRow([e.code, e.message]);
  for (const w of v.warnings) s4.addRow([w.code, w.message]);
  s4.getColumn(2).width = 120;
  return { fileName: `evaluering-${v.tender.reference.replace(/[^A-Za-z0-9-]+/g, '-')}.xlsx`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
