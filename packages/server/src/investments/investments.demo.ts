import fs from 'node:fs';
import path from 'node:path';
import { holdingPairKey, normaliseName } from '@omstilling/core';
import type { DemoStep } from '../demo/demo.steps.js';
import { nowIso } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { investmentsRepository } from './investments.repository.js';
import { importHoldings, importList, setDivestment } from './investments.service.js';

interface DemoFile {
  lists: { key: string; name: string; file: string; rows: string[][] }[];
  companyData: { name: string; isin: string | null; revenueShares: Record<string, number>; metrics: Record<string, number>; source: string; year: number | null }[];
  /** Holdings: [name, isin, country, market value NOK, gone from reports dated on or after this date (or null)]. */
  portfolios: { key: string; name: string; holdings: [string, string, string, number, string | null][] }[];
  dates: string[];
  divestments: { portfolio: string; name: string; isin: string | null; status: 'flagged' | 'decided' | 'sold'; date: string; note: string | null }[];
}

const csvCell = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Loads the demo exclusion list, company data and quarterly holdings reports (idempotent: every import is). */
export const investmentsDemoStep: DemoStep = async (ctx, demoDir) => {
  const file = path.join(demoDir, 'investments.json');
  if (!fs.existsSync(file)) return;
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  for (const l of demo.lists) {
    const text = l.rows.map((r) => r.join('\t')).join('\n');
    await importList(ctx, { listKey: l.key, listName: l.name, fileName: l.file, data: Buffer.from(text, 'utf8') });
  }
  const repo = investmentsRepository(ctx.scope);
  const known = new Set((await repo.companyData()).map((c) => c.company_key));
  for (const c of demo.companyData) {
    const key = `name:${normaliseName(c.name).key}`;
    if (known.has(key)) continue;
    await ctx.scope.insertInto('inv_company_data', { id: newId(), company_key: key, name: c.name, isin: c.isin, revenue_shares: JSON.stringify(c.revenueShares), metrics: JSON.stringify(c.metrics), source: c.source, year: c.year, updated_at: nowIso(ctx) }).execute();
  }
  for (const p of demo.portfolios) {
    for (const [k, date] of demo.dates.entries()) {
      const rows = p.holdings.filter((h) => !h[4] || date < h[4]);
      // Market values drift a little from quarter to quarter, the same on every seed.
      const lines = rows.map(([name, isin, country, nok], i) => [name, isin, country, String(Math.round(nok * (1 + (((i * 7 + k * 3) % 9) - 3) / 100)))].map(csvCell).join(';'));
      await importHoldings(ctx, { portfolioKey: p.key, portfolioName: p.name, asOf: date, fileName: `${p.key}-${date}.csv`, data: Buffer.from(['name;isin;country;market_value_nok', ...lines].join('\n'), 'utf8') });
    }
  }
  const existing = await repo.divestments();
  for (const d of demo.divestments) {
    const companyKey = holdingPairKey({ name: d.name, isin: d.isin });
    if (existing.some((e) => e.company_key === companyKey)) continue;
    await setDivestment(ctx, { portfolioKey: d.portfolio, companyKey, companyName: d.name, status: 'flagged', date: d.date, note: d.note });
    if (d.status !== 'flagged') await setDivestment(ctx, { portfolioKey: d.portfolio, companyKey, companyName: d.name, status: d.status, date: d.date, note: d.note });
  }
};
