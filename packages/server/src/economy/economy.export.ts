import ExcelJS from 'exceljs';
import type { ClassRule } from '@omstilling/core';
import type { EstablishmentView, SnapshotView } from './economy.service.js';

const HEADERS = {
  nb: ['orgnr', 'navn', 'naeringskode', 'naering', 'ansatte', 'olje_gass', 'gronn', 'annet', 'regel', 'sertifisert', 'forbehold', 'dato', 'kilde', 'linje'],
  en: ['org_number', 'name', 'industry_code', 'industry', 'employees', 'oil_gas', 'green', 'other', 'rule', 'certified', 'caveat', 'date', 'source', 'line'],
};

// Text Excel would run as a formula gets a leading ' (CSV injection).
const safe = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const csvCell = (v: string) => (/[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * A snapshot's establishments with their classification: the first five columns are the import's own,
 * so the file can be corrected and imported again; then the jobs per class, the rule and its caveat,
 * and where the figure came from (file and line). CSV (semicolon, UTF-8 with BOM, CRLF) or XLSX.
 * Without a snapshot (nothing imported yet) the file has only its header.
 */
export async function establishmentsFile(snapshot: SnapshotView | null, rows: readonly EstablishmentView[], ruleById: ReadonlyMap<string, ClassRule>, format: 'csv' | 'xlsx', lang: 'nb' | 'en'): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const header = HEADERS[lang];
  const yes = lang === 'nb' ? 'ja' : 'yes';
  const values = (r: EstablishmentView): (string | number)[] => {
    const rule = r.codeRuleId ? ruleById.get(r.codeRuleId) : undefined;
    const rules = [r.codeRuleId, r.certificationRuleId].filter(Boolean).join(' + ');
    return [r.orgNumber, r.name, r.industryCode ?? '', r.industryName ?? '', r.employees, r.oil_gas, r.green, r.other, rules, r.certified ? yes : '', rule?.caveat?.[lang] ?? '', snapshot?.date ?? '', snapshot?.sourceFile ?? '', r.sourceLine];
  };
  const base = `${lang === 'nb' ? 'sysselsetting' : 'employment'}-${snapshot?.date ?? (lang === 'nb' ? 'tom' : 'empty')}`;
  if (format === 'csv') {
    const lines = [header, ...rows.map((r) => values(r).map((v) => safe(String(v))))].map((l) => l.map(csvCell).join(';'));
    return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Omstilling';
  const ws = wb.addWorksheet(lang === 'nb' ? 'Virksomheter' : 'Establishments');
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(values(r).map((v) => (typeof v === 'string' ? safe(v) : v)));
  ws.columns.forEach((c, i) => (c.width = [12, 36, 12, 36, 10, 10, 10, 10, 24, 12, 50, 12, 30, 8][i] ?? 14));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
