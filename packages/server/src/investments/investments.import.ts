import { exclusionListFromRows, holdingsFromRows, parseNorgesBankTable, type ExclusionListEntry, type HoldingRow, type InvestmentRowProblem } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import { readSpreadsheet } from '../platform/import/spreadsheet.js';

// Reading the files of the investments domain (exclusion lists, holdings reports), shared by
// the services (API) and the CLI.

/** Reads an exclusion list: CSV/XLSX with a name column, or the Norges Bank table saved as HTML or text. */
export async function readExclusionListFile(file: string, data: Buffer): Promise<{ entries: ExclusionListEntry[]; problems: InvestmentRowProblem[]; format: 'table' | 'norges-bank' }> {
  const head = data.subarray(0, 4096).toString('utf8');
  if (/\.(html?|txt)$/i.test(file) || /<table|<tr[\s>]/i.test(head)) return { ...parseNorgesBankTable(data.toString('utf8')), format: 'norges-bank' };
  const sheet = await readSpreadsheet(file, data);
  if (!sheet.header.some((h) => ['name', 'navn', 'company', 'selskap'].includes(h))) {
    throw new AppError('import_failed', `${file}: finner ingen kolonne «name»`, [{ file, line: 1, field: 'name', message: `kolonner: ${sheet.header.join(', ')}` }]);
  }
  return { ...exclusionListFromRows(sheet.rows), format: 'table' };
}

/** Reads a custodian holdings report (CSV/XLSX: name, isin, lei, country, market_value_nok; extra columns kept). */
export async function readHoldingsFile(file: string, data: Buffer): Promise<{ holdings: HoldingRow[]; problems: InvestmentRowProblem[] }> {
  const sheet = await readSpreadsheet(file, data);
  if (!sheet.header.some((h) => ['name', 'navn', 'isin', 'lei'].includes(h))) {
    throw new AppError('import_failed', `${file}: finner ingen kolonne «name» (eller isin/lei)`, [{ file, line: 1, field: 'name', message: `kolonner: ${sheet.header.join(', ')}` }]);
  }
  return holdingsFromRows(sheet.rows);
}
