import PDFDocument from 'pdfkit';
import { reportFonts } from '../../program/report.fonts.js';

/** Norwegian number formatting with plain spaces (the embedded font has no narrow no-break space). */
export const nbNumber = (n: number, d = 0) => n.toLocaleString('nb-NO', { maximumFractionDigits: d, minimumFractionDigits: d }).replace(/\u00a0|\u202f/g, ' ');

/**
 * A plain A4 report (Inter embedded when available): headings, paragraphs and tables whose
 * first column takes what the others leave. For the short PDFs domains hand to a committee.
 */
export function simpleReport(title: string, author: string) {
  const fonts = reportFonts('auto');
  const c = fonts.clean;
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 56, right: 56 }, lang: 'nb-NO', displayTitle: true, info: { Title: c(title), Author: author, Creator: 'Omstilling' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    title: (text: string, sub: string) => doc.font(fonts.bold).fontSize(18).text(c(text)).font(fonts.regular).fontSize(11).text(c(sub)).moveDown(0.5),
    h: (text: string, size = 13) => doc.moveDown(0.6).font(fonts.bold).fontSize(size).text(c(text)).moveDown(0.2).font(fonts.regular).fontSize(10),
    p: (text: string) => doc.font(fonts.regular).fontSize(10).text(c(text), { paragraphGap: 4 }),
    /** Rows of cells; the first row is the header. `widths` are shares of the line for the columns after the first, right-aligned. */
    table(rows: string[][], widths: number[]) {
      const x = doc.page.margins.left;
      const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      const first = 1 - widths.reduce((s, w) => s + w, 0);
      for (const [i, row] of rows.entries()) {
        if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
        const y = doc.y;
        doc.font(i === 0 ? fonts.bold : fonts.regular).fontSize(9);
        doc.text(c(row[0] ?? ''), x, y, { width: width * first, lineBreak: false, ellipsis: true });
        let at = x + width * first;
        widths.forEach((w, k) => {
          doc.text(c(row[k + 1] ?? ''), at, y, { width: width * w, align: 'right', lineBreak: false });
          at += width * w;
        });
        doc.x = x;
        doc.y = y + 13;
      }
      doc.moveDown(0.3);
    },
    end(): Promise<Buffer> {
      doc.end();
      return done;
    },
  };
}
