import { parseNorwegianNumber } from '../import/table.js';
import type { RowIssue } from '../import/table.js';

/** Where the figures are in a published table (e.g. the Environment Agency's municipal emissions). */
export interface TableSeriesSpec {
  municipalityColumn: string;
  /** The municipality's current and former numbers: rows of either count (e.g. 3203, 3025, 0220). */
  municipalityNumbers: readonly string[];
  yearColumn: string;
  valueColumn: string;
  /** Only rows whose column has this value, e.g. { sektor: 'Jordbruk' }. */
  where?: Readonly<Record<string, string>>;
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Sums a published table's rows for one municipality per year (tables list one row per sector,
 * source and gas), so a yearly total can be kept as an open-data source. Every row of the
 * municipality with a bad year or number is reported with its line; rows of other
 * municipalities are skipped unread.
 */
export function tableSeries(rows: readonly { line: number; cells: Record<string, string> }[], spec: TableSeriesSpec): { series: { period: string; date: string; value: number; lines: number[] }[]; issues: RowIssue[] } {
  const [m, y, v] = [norm(spec.municipalityColumn), norm(spec.yearColumn), norm(spec.valueColumn)];
  const where = Object.entries(spec.where ?? {}).map(([k, val]) => [norm(k), norm(val)] as const);
  const wanted = new Set(spec.municipalityNumbers.map((n) => n.padStart(4, '0')));
  const byYear = new Map<string, { value: number; lines: number[] }>();
  const issues: RowIssue[] = [];
  for (const row of rows) {
    const number = (row.cells[m] ?? '').trim().padStart(4, '0');
    if (!wanted.has(number)) continue;
    if (where.some(([k, val]) => norm(row.cells[k] ?? '') !== val)) continue;
    const year = (row.cells[y] ?? '').trim();
    if (!/^\d{4}$/.test(year)) {
      issues.push({ line: row.line, field: spec.yearColumn, message: `Ugyldig år «${year}»`, messageEn: `Invalid year "${year}"` });
      continue;
    }
    const raw = (row.cells[v] ?? '').trim();
    if (raw === '' || raw === '-' || raw === '.') continue; // published tables mark "no figure" so
    const value = parseNorwegianNumber(raw);
    if (value === null) {
      issues.push({ line: row.line, field: spec.valueColumn, message: `Ugyldig tall «${raw}»`, messageEn: `Invalid number "${raw}"` });
      continue;
    }
    const acc = byYear.get(year) ?? { value: 0, lines: [] };
    acc.value += value;
    acc.lines.push(row.line);
    byYear.set(year, acc);
  }
  const series = [...byYear.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([year, acc]) => ({ period: year, date: `${year}-12-31`, value: acc.value, lines: acc.lines }));
  return { series, issues };
}
