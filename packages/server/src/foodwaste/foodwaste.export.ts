import ExcelJS from 'exceljs';
import type { RegistrationView } from './foodwaste.service.js';

const HEADER = ['kjøkken', 'dato', 'ledd', 'kategori', 'årsak', 'mottak', 'kg', 'merknad', 'registrert av'];

// Text Excel would run as a formula gets a leading ' (CSV injection).
const safe = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const csvCell = (v: string) => (/[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Registrations as a file in the import's own columns (Norwegian labels), so that an export can be
 * corrected and imported again: CSV (semicolon, decimal comma, UTF-8 with BOM, CRLF) or XLSX.
 */
export async function registrationsFile(rows: readonly RegistrationView[], kitchenName: (id: string) => string, label: (listKey: string) => string, format: 'csv' | 'xlsx', date: string): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const base = `matsvinn-${date}`;
  if (format === 'csv') {
    const lines = [HEADER, ...rows.map((r) => [kitchenName(r.kitchenId), r.date, label(r.stage), label(r.category), label(r.reason), label(r.destination), String(r.kg).replace('.', ','), r.note ?? '', r.enteredBy].map(safe))].map((l) => l.map(csvCell).join(';'));
    return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Omstilling';
  const ws = wb.addWorksheet('Matsvinn');
  ws.addRow(HEADER).font = { bold: true };
  for (const r of rows) ws.addRow([safe(kitchenName(r.kitchenId)), r.date, label(r.stage), label(r.category), label(r.reason), label(r.destination), r.kg, safe(r.note ?? ''), safe(r.enteredBy)]);
  ws.columns.forEach((c, i) => (c.width = [32, 12, 18, 18, 16, 16, 8, 30, 30][i] ?? 14));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
