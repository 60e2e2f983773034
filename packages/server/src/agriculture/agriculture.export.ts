import ExcelJS from 'exceljs';
import type { AgricultureReference } from './agriculture.reference.js';
import type { results } from './agriculture.service.js';

type Results = Awaited<ReturnType<typeof results>>;

const YEAR_HEADER = ['år', 'jordbruksareal_daa', 'økologisk_daa', 'karens_daa', 'konvensjonell_daa', 'andel_økologisk_prosent', 'andel_karens_prosent', 'andel_økologisk_og_karens_prosent', 'gårder_med_areal', 'levert_lokalt_kg', 'levert_lokalt_nok', 'gårder_som_leverer', 'gårder_grønt_frukt_bær', 'tilskudd_nok', 'ufullstendig_år'];
const DELIVERY_HEADER = ['år', 'dimensjon', 'nøkkel', 'navn', 'kg', 'nok'];

const r1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function yearRows(r: Results) {
  return r.years.map((y) => [y.year, r1(y.totalDaa), r1(y.organicDaa), r1(y.conversionDaa), r1(y.conventionalDaa), r1(y.organicShare), r1(y.conversionShare), r1(y.organicOrConversionShare), y.farms, r1(y.deliveredKg), Math.round(y.deliveredNok), y.deliveringFarms, y.horticultureFarms, Math.round(y.supportNok), y.partial ? 'ja' : 'nei'] as (string | number | null)[]);
}
function deliveryRows(r: Results, ref: AgricultureReference) {
  const out: (string | number | null)[][] = [];
  for (const y of r.years) {
    for (const [dim, map, list] of [['kanal', y.byChannel, ref.channels], ['varegruppe', y.byProduct, ref.products]] as const) {
      for (const [k, v] of Object.entries(map)) out.push([y.year, dim, k, list.find((x) => x.key === k)?.nb ?? k, r1(v.kg), Math.round(v.nok)]);
    }
  }
  return out;
}

/**
 * The results as a file: CSV (semicolon, decimal comma, UTF-8 with BOM, CRLF) of one table — the
 * years or the deliveries by channel and product group — or XLSX with both as sheets.
 */
export async function resultsFile(r: Results, ref: AgricultureReference, format: 'csv' | 'xlsx', table: 'years' | 'deliveries'): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const base = `landbruk-${r.asOf}`;
  if (format === 'csv') {
    const [header, rows] = table === 'years' ? [YEAR_HEADER, yearRows(r)] : [DELIVERY_HEADER, deliveryRows(r, ref)];
    const lines = [header, ...rows].map((l) => l.map(csvCell).join(';'));
    return { fileName: `${base}-${table === 'years' ? 'per-aar' : 'leveranser'}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Omstilling';
  for (const [name, header, rows] of [['Per år', YEAR_HEADER, yearRows(r)], ['Leveranser', DELIVERY_HEADER, deliveryRows(r, ref)]] as const) {
    const ws = wb.addWorksheet(name);
    ws.addRow([...header]).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    ws.columns.forEach((c) => (c.width = 18));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
