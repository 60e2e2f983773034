import ExcelJS from 'exceljs';
import type { ServiceArea } from '@omstilling/core';
import type { CoverageView } from './services.service.js';

// Text Excel would run as a formula gets a leading ' (CSV injection).
const safe = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const csvCell = (v: string) => (/[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const STATUS_NB: Record<string, string> = { planned: 'planlagt', active: 'aktiv', paused: 'pause', ended: 'avsluttet' };

/**
 * Coverage as a file: one sheet (or CSV) of units with their area, plan status and each measure's
 * status on the date; an XLSX adds a sheet of the shares per area and year.
 */
export async function coverageFile(c: CoverageView, areas: readonly ServiceArea[], format: 'csv' | 'xlsx'): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const areaName = (k: string) => areas.find((a) => a.key === k)?.nb ?? k;
  const header = ['enhet', 'tjenesteområde', 'bærekraft i planen', 'aktive tiltak', ...c.matrix.measures.map((m) => m.titleNb)];
  const rows = c.matrix.units.map((u) => [u.name, areaName(u.area), u.hasPlan ? 'ja' : 'nei', String(Object.values(u.cells).filter((s) => s === 'active').length), ...c.matrix.measures.map((m) => STATUS_NB[u.cells[m.id] ?? ''] ?? '')]);
  const base = `tjenester-dekning-${c.asOf}`;
  if (format === 'csv') {
    const lines = [header, ...rows].map((l) => l.map((v) => csvCell(safe(v))).join(';'));
    return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Omstilling';
  const ws = wb.addWorksheet('Enheter');
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(safe));
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 40 : i === 1 ? 24 : 14));
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  const shares = wb.addWorksheet('Andeler per år');
  shares.addRow(['år', 'dato', 'tjenesteområde', 'enheter', 'med aktivt tiltak', 'med bærekraft i planen', 'andel aktivt (%)', 'andel med plan (%)']).font = { bold: true };
  for (const s of c.series) for (const a of s.areas) shares.addRow([s.year, s.date, areaName(a.key), a.units, a.withActive, a.withPlan, a.activeShare, a.planShare]);
  shares.addRow([]);
  shares.addRow([c.planRule.nb]);
  return { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
