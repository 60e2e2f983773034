import ExcelJS from 'exceljs';
import type { CertStatus } from '@omstilling/core';
import type { UnitStatusView } from './certification.service.js';

export type Lang = 'nb' | 'en';

const STATUS: Record<Lang, Record<CertStatus, string>> = {
  nb: { certified: 'Sertifisert', expiring: 'Utløper innen 90 dager', in_grace: 'Fornyelse forsinket', lapsed: 'Utløpt', in_progress: 'Under arbeid', none: 'Ikke startet' },
  en: { certified: 'Certified', expiring: 'Expires within 90 days', in_grace: 'Renewal overdue', lapsed: 'Lapsed', in_progress: 'In progress', none: 'Not started' },
};

const HEADERS: Record<Lang, string[]> = {
  nb: ['Enhet', 'Nøkkel', 'Sektor', 'Sted', 'Ansatte', 'Status', 'Ordning', 'Gyldig til', 'Dekket gjennom', 'Statusdato'],
  en: ['Unit', 'Key', 'Sector', 'Place', 'Staff', 'Status', 'Scheme', 'Valid until', 'Covered through', 'Status date'],
};

const cells = (r: UnitStatusView, date: string, lang: Lang): (string | number)[] => [r.name, r.key, r.sectorName, r.place ?? '', r.staff, STATUS[lang][r.status], r.schemeName ?? '', r.validUntil ?? '', r.viaScope ? (r.holderName ?? '') : '', date];

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The register as a file: CSV (semicolon, UTF-8 with BOM, CRLF — opens in Norwegian Excel) or XLSX. */
export async function registerFile(rows: readonly UnitStatusView[], date: string, format: 'csv' | 'xlsx', lang: Lang = 'nb'): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const base = `${lang === 'nb' ? 'miljosertifisering' : 'certification'}-${date}`;
  if (format === 'csv') {
    const lines = [HEADERS[lang], ...rows.map((r) => cells(r, date, lang))].map((l) => l.map(csvCell).join(';'));
    return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Omstilling';
  const ws = wb.addWorksheet(lang === 'nb' ? 'Register' : 'Register');
  ws.addRow(HEADERS[lang]).font = { bold: true };
  for (const r of rows) ws.addRow(cells(r, date, lang));
  ws.columns.forEach((c, i) => (c.width = [36, 28, 22, 16, 10, 24, 22, 12, 30, 12][i] ?? 14));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADERS[lang].length } };
  return { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
