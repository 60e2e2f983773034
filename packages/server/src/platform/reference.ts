import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '@omstilling/core';

/** Reference data shipped in data/reference, loaded once (read-only facts, safe to keep in memory). */
export interface ReferenceData {
  industryCodes: ReadonlySet<string>;
  industryNames: ReadonlyMap<string, string>;
}

/** Loads SN2007 from data/reference/sn2007/sn2007_nb.csv. */
export function loadReferenceData(dataDir: string): ReferenceData {
  const file = path.join(dataDir, 'reference', 'sn2007', 'sn2007_nb.csv');
  const { rows } = parseCsv(fs.readFileSync(file, 'utf8'));
  const names = new Map<string, string>();
  for (const r of rows) {
    const code = r.cells.code ?? '';
    if (/^\d{2}\.\d{1,3}$/.test(code)) names.set(code, r.cells.name_nb ?? '');
  }
  return { industryCodes: new Set(names.keys()), industryNames: names };
}
