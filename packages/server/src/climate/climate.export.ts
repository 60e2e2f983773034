import ExcelJS from 'exceljs';
import type { ClimateReport } from '@omstilling/core';

const HEADER = ['nøkkel', 'navn', 'kategori', 'kroner', 'kg CO2e', 'kroner inkl. underenheter', 'kg CO2e inkl. underenheter', 'andel av utslipp', 'linjer'];
// Text Excel would run as a formula gets a leading ' (CSV injection).
const safe = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const csvCell = (v: string) => (/[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const dec = (n: number, d: number) => n.toFixed(d).replace('.', ',');

/** A report's rows as CSV (semicolon, decimal comma, UTF-8 with BOM, CRLF) or XLSX. */
export async function reportFile(r: ClimateReport, format: 'csv' | 'xlsx'): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const base = `klimaregnskap-${r.year}-${r.by}`;
  if (format === 'csv') {
    const lines = [HEADER, ...r.rows.map((x) => [safe(x.key), safe(x.label), x.category ?? '', dec(x.ore / 100, 2), dec(x.kg, 1), dec(x.totalOre / 100, 2), dec(x.totalKg, 1), dec(x.shareKg, 4), String(x.lines)])].map((l) => l.map(csvCell).join(';'));
    return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Omstilling';
  const ws = wb.addWorksheet(`Klimaregnskap ${r.year}`);
  ws.addRow(HEADER).font = { bold: true };
  for (const x of r.rows) ws.addRow([safe(x.key), safe(x.label), x.category ?? '', x.ore / 100, x.kg, x.totalOre / 100, x.totalKg, x.shareKg, x.lines]);
  ws.columns.forEach((c, i) => (c.width = [14, 40, 18, 16, 14, 18, 18, 12, 10][i] ?? 14));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
