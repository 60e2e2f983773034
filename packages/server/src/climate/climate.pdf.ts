import PDFDocument from 'pdfkit';
import { EXCLUSION_TEXT, type ClimateReport } from '@omstilling/core';
import { reportFonts } from '../program/report.fonts.js';

/** What the summary needs: the year by unit and by art, the year before, hotspots, provenance. */
export interface SummaryInput {
  municipality: string;
  byUnit: ClimateReport;
  byArt: ClimateReport;
  previous: { year: number; totalKg: number } | null;
  hotspots: { art: string; category: string | null; supplierName: string | null; orgnr: string | null; ore: number; kg: number }[];
  set: { name: string; year: number; currency: string; priceBasis: string; licence: string };
  flagged: string[];
  generatedOn: string;
}

const nb = (n: number, d = 0) => n.toLocaleString('nb-NO', { maximumFractionDigits: d, minimumFractionDigits: d }).replace(/\u00a0|\u202f/g, ' ');

/** A short PDF for the council report: totals, year against year, data kinds, units, arts, hotspots, sources, uncertainty. */
export function renderSummary(s: SummaryInput): Promise<Buffer> {
  const fonts = reportFonts('auto');
  const c = fonts.clean;
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 56, right: 56 }, lang: 'nb-NO', displayTitle: true, info: { Title: c(`Klimaregnskap for innkjøp ${s.byUnit.year} – ${s.municipality}`), Author: s.municipality, Creator: 'Omstilling' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const r = s.byUnit;
  const t = (kg: number) => nb(kg / 1000, kg < 10_000 ? 1 : 0);
  const h = (text: string, size = 13) => doc.moveDown(0.6).font(fonts.bold).fontSize(size).text(c(text)).moveDown(0.2).font(fonts.regular).fontSize(10);
  const p = (text: string) => doc.font(fonts.regular).fontSize(10).text(c(text), { paragraphGap: 4 });
  const table = (rows: [string, string, string][]) => {
    const x = doc.page.margins.left;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    for (const [i, row] of rows.entries()) {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
      const y = doc.y;
      doc.font(i === 0 ? fonts.bold : fonts.regular).fontSize(9);
      doc.text(c(row[0]), x, y, { width: width * 0.6, lineBreak: false, ellipsis: true });
      doc.text(c(row[1]), x + width * 0.6, y, { width: width * 0.18, align: 'right', lineBreak: false });
      doc.text(c(row[2]), x + width * 0.78, y, { width: width * 0.22, align: 'right', lineBreak: false });
      doc.x = x;
      doc.y = y + 13;
    }
    doc.moveDown(0.3);
  };
  doc.font(fonts.bold).fontSize(18).text(c(`Klimaregnskap for innkjøp ${r.year}`));
  doc.font(fonts.regular).fontSize(11).text(c(`${s.municipality} · laget ${s.generatedOn} · utgiftsbasert (miljøutvidet kryssløp)`)).moveDown(0.5);
  p(`Kommunens kjøp i ${r.year}: ${nb(r.totalOre / 100)} kr, beregnet til ${t(r.totalKg)} tonn CO2e.` + (s.previous && s.previous.totalKg > 0 ? ` Året før (${s.previous.year}): ${t(s.previous.totalKg)} tonn, en endring på ${nb((100 * (r.totalKg - s.previous.totalKg)) / s.previous.totalKg, 1)} %.` : ''));
  const share = (o: number) => (r.totalOre ? nb((100 * o) / r.totalOre, 1) : '0');
  p(`Datagrunnlag: ${share(r.byKind.average.ore)} % av kronene med gjennomsnittsfaktorer, ${share(r.byKind.supplier.ore)} % med leverandørenes egne tall, ${share(r.byKind.not_computed.ore)} % ikke beregnet (flaggede eller ukoblede faktorer).`);
  h('Største enheter (med underenheter)');
  table([['Enhet', 'Tonn CO2e', 'Kroner'], ...r.rows.filter((x) => x.parentKey === null).slice(0, 12).map((x): [string, string, string] => [x.label, t(x.totalKg), nb(x.totalOre / 100)])]);
  h('Etter art');
  table([['Art (kategori)', 'Tonn CO2e', 'Kroner'], ...s.byArt.rows.slice(0, 12).map((x): [string, string, string] => [`${x.label}${x.category ? ` (${x.category})` : ''}`, t(x.totalKg), nb(x.totalOre / 100)])]);
  h('De største kildene (art og leverandør)');
  table([['Art og leverandør', 'Tonn CO2e', 'Kroner'], ...s.hotspots.slice(0, 12).map((x): [string, string, string] => [`${x.art} · ${x.supplierName ?? x.orgnr ?? 'uten leverandør'}`, t(x.kg), nb(x.ore / 100)])]);
  h('Kilder og metode');
  p(`Faktorsett: ${s.set.name} (${s.set.currency} ${s.set.year}, ${s.set.priceBasis === 'basic' ? 'basispriser' : 'kjøperpriser'}), lisens ${s.set.licence}. Omregnet til kroner i året med Norges Banks årsgjennomsnittskurs og SSBs konsumprisindeks.`);
  p(`Utelatt fordi det ikke er kjøp: ${Object.values(EXCLUSION_TEXT).join(' ')}`);
  if (s.flagged.length) p(`Flaggede faktorer som ikke brukes før de er bekreftet: ${s.flagged.join(', ')}.`);
  h('Usikkerhet');
  p('Gjennomsnittsfaktorer per krone treffer sjelden den enkelte leverandør; regn med minst ±30–50 % per kategori og mer for bygg og anlegg, som mangler egen kategori i faktorsettet. Tallene egner seg til å finne de store kildene og følge utviklingen, ikke til å sammenligne to leverandører.');
  doc.end();
  return done;
}
