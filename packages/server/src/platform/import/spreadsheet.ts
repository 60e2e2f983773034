import ExcelJS from 'exceljs';
import { decodeText, parseCsv, type CsvRow } from '@omstilling/core';
import { AppError } from '../errors.js';

export interface SheetRows {
  header: string[];
  rows: CsvRow[];
  format: 'csv' | 'xlsx';
  encoding: string | null;
}

const isXlsx = (name: string, data: Buffer) => /\.xlsx$/i.test(name) || (data[0] === 0x50 && data[1] === 0x4b);

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
  }
  return String(v).trim();
}

/**
 * Reads a CSV (UTF-8 with or without BOM, or Windows-1252; `;`, `,` or tab) or the first
 * sheet of an XLSX into rows keyed by lower-cased header, each with its line number.
 */
export async function readSpreadsheet(fileName: string, data: Buffer, options: { sheet?: string } = {}): Promise<SheetRows> {
  if (isXlsx(fileName, data)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch (e) {
      throw new AppError('import_failed', `${fileName}: ikke en gyldig XLSX-fil`, [{ file: fileName, message: (e as Error).message }]);
    }
    const ws = options.sheet ? wb.getWorksheet(options.sheet) : wb.worksheets[0];
    if (!ws) throw new AppError('import_failed', options.sheet ? `${fileName}: finner ikke arket «${options.sheet}»` : `${fileName}: arbeidsboken har ingen ark`, [{ file: fileName, field: 'sheet', message: `ark: ${wb.worksheets.map((w) => w.name).join(', ')}` }]);
    let header: string[] = [];
    const rows: CsvRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (!header.length) {
        header = values.map((h) => h.trim().toLowerCase());
        return;
      }
      if (values.every((v) => v === '')) return;
      const cells: Record<string, string> = {};
      header.forEach((h, i) => (cells[h] = values[i] ?? ''));
      rows.push({ line, cells });
    });
    return { header, rows, format: 'xlsx', encoding: null };
  }
  const { text, encoding } = decodeText(data);
  const table = parseCsv(text);
  if (table.issues.length) throw new AppError('import_failed', `${fileName}: filen kan ikke leses som CSV`, table.issues.map((i) => ({ file: fileName, line: i.line, field: i.field, message: i.message })));
  return { header: table.header, rows: table.rows, format: 'csv', encoding };
}
