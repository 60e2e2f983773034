import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SystemActor, UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { municipalityRepository } from '../platform/municipalities.js';
import { TenantScope } from '../platform/tenant.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { DEFAULT_DATA_DIR } from '../foodwaste/foodwaste.reference.js';
import { adoptPolicy, currentPolicy, decideReview, defaultPolicy, divestments, importCompanyData, importHoldings, importList, overview, reportXlsx, reviewQueue, screening, setDivestment } from './investments.service.js';
import { INVESTMENTS_PUBLISHERS } from './investments.publishers.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const deps = { dataDir: DEFAULT_DATA_DIR };

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(ENGINES)('investments services on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  const user = (over: Partial<UserActor>): Ctx => ({ ...ctx, actor: { kind: 'user', userId: 'u-1', municipalityId: ctx.scope.municipalityId, name: 'Hilde Test', email: 'hilde@asker.example', role: 'editor', domains: [], unitScope: [], unitId: null, organisationId: null, ...over } as UserActor });
  const editor = () => user({ domains: ['investments'] });

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    const m = (await municipalityRepository(env.deps.db).bySlug('asker'))!;
    const actor: SystemActor = { kind: 'system', municipalityId: m.id, label: 'test' };
    ctx = { scope: new TenantScope(env.deps.db, m.id), actor, now: () => NOW };
  });
  afterAll(() => env?.close());

  it('loads the demo: the list, two portfolios with six quarterly reports, a falling trend', async () => {
    const o = await overview(editor(), deps);
    expect(o.policy).toMatchObject({ version: 0, isDefault: true, adoptedLists: ['nbim', 'own'] });
    expect(o.lists).toEqual([expect.objectContaining({ key: 'nbim', version: 1, entries: 15, adopted: true })]);
    expect(o.portfolios.map((p) => [p.key, p.reports.length])).toEqual([
      ['energifondet', 6],
      ['likviditetsreserven', 6],
    ]);
    const shares = o.trend.map((t) => t.breachedShare);
    expect(shares[0]).toBeGreaterThan(0.1);
    expect(shares[shares.length - 1]).toBeLessThan(shares[0]! / 3);
    expect(shares[1]).toBeLessThan(shares[0]!);
  });

  it('screens a report: breaches by criterion with market value and share, data thresholds, watch, near-name traps left alone', async () => {
    const o = await overview(editor(), deps);
    const first = o.portfolios.find((p) => p.key === 'energifondet')!.reports[0]!;
    const s = await screening(editor(), deps, first.id);
    const names = s.breaches.map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining(['EQUINOR ASA', 'SUNCOR ENERGY INC', 'COAL INDIA LTD', 'PEABODY ENERGY CORP', 'CANADIAN NATURAL RES LTD']));
    expect(names).not.toContain('SUNCORP GROUP LTD');
    expect(names).not.toContain('MARATHON PETROLEUM CORP');
    expect(names).not.toContain('FORTUM OYJ'); // 2 % coal power is under the 5 % threshold
    const equinor = s.breaches.find((b) => b.name === 'EQUINOR ASA')!;
    expect(equinor.breaches).toEqual([expect.objectContaining({ criterionId: 'oil_gas', source: 'data', status: 'breach' })]);
    const coal = s.breaches.find((b) => b.name === 'COAL INDIA LTD')!;
    expect(coal.breaches[0]).toMatchObject({ criterionId: 'thermal_coal', source: 'list' });
    expect(coal.matches[0]).toMatchObject({ listKey: 'nbim', listVersion: 1, method: 'name', status: 'match' });
    const byId = Object.fromEntries(s.summary.byCriterion.map((c) => [c.criterionId, c]));
    expect(byId.thermal_coal!.holdings).toBe(2);
    expect(byId.climate!.holdings).toBe(2);
    const total = s.summary.totalOre;
    expect(s.summary.breachedOre).toBe(s.breaches.filter((b) => b.breaches.some((x) => x.status === 'breach')).reduce((x, b) => x + b.marketValueOre, 0));
    expect(s.summary.breachedShare).toBeCloseTo(s.summary.breachedOre / total, 10);
    expect(s.summary.fossilShare).toBeCloseTo(s.summary.breachedShare, 10); // every breach in Energifondet is fossil

    const reserve = await screening(editor(), deps, o.portfolios.find((p) => p.key === 'likviditetsreserven')!.reports.at(-1)!.id);
    expect(reserve.breaches.find((b) => b.name === 'RIO TINTO LTD')!.breaches).toEqual([expect.objectContaining({ criterionId: 'environment', status: 'watch' })]);
    expect(reserve.summary.breachedHoldings).toBe(0);
    expect(reserve.review.map((r) => [r.name, r.matches[0]!.listName])).toEqual([['BRITISH AMERICAN TOBACCO MALAYSIA BHD', 'British American Tobacco PLC']]);
  });

  it('remembers review decisions for every later report', async () => {
    const queue = await reviewQueue(editor(), deps);
    expect(queue).toHaveLength(1);
    const item = queue[0]!;
    await decideReview(editor(), { holdingKey: item.holdingKey, listName: item.matches[0]!.listName, decision: 'confirmed', note: 'Datterselskap, omfattes av utelukkelsen' });
    expect(await reviewQueue(editor(), deps)).toEqual([]);
    const o = await overview(editor(), deps);
    const latest = await screening(editor(), deps, o.portfolios.find((p) => p.key === 'likviditetsreserven')!.reports.at(-1)!.id);
    expect(latest.breaches.find((b) => b.name === 'BRITISH AMERICAN TOBACCO MALAYSIA BHD')).toMatchObject({ breaches: [expect.objectContaining({ criterionId: 'tobacco', status: 'breach' })], matches: [expect.objectContaining({ decided: true, status: 'match' })] });
    // Rejecting it later takes it out again.
    await decideReview(editor(), { holdingKey: item.holdingKey, listName: item.matches[0]!.listName, decision: 'rejected' });
    const again = await screening(editor(), deps, latest.report.id);
    expect(again.breaches.find((b) => b.name === 'BRITISH AMERICAN TOBACCO MALAYSIA BHD')).toBeUndefined();
    expect(again.review).toEqual([]);
  });

  it('tracks divestments flagged → decided → sold, never backwards', async () => {
    const items = await divestments(editor(), deps);
    const cnr = items.find((d) => d.companyName === 'CANADIAN NATURAL RES LTD')!;
    expect(cnr).toMatchObject({ portfolioKey: 'energifondet', status: 'decided', criteria: ['climate'], decidedAt: '2026-02-10' });
    expect(items.find((d) => d.companyName === 'SUNCOR ENERGY INC')).toMatchObject({ status: 'sold', soldAt: '2025-09-20', marketValueOre: 0 });
    expect((await appError(setDivestment(editor(), { portfolioKey: 'energifondet', companyKey: cnr.companyKey, companyName: cnr.companyName, status: 'flagged' }))).code).toBe('validation');
    await setDivestment(editor(), { portfolioKey: 'energifondet', companyKey: cnr.companyKey, companyName: cnr.companyName, status: 'sold', date: '2026-05-02' });
    expect((await divestments(editor(), deps)).find((d) => d.companyName === 'CANADIAN NATURAL RES LTD')).toMatchObject({ status: 'sold', soldAt: '2026-05-02', soldBy: 'Hilde Test <hilde@asker.example>' });
  });

  it('imports lists and holdings all or nothing, idempotent, versioned', async () => {
    const csv = 'name,isin,country,category,criterion,decision,date\nMarathon Oil Corp,,US,Product-based,Oil sands,Exclusion,01.01.2024\nDNO ASA,NO0003921009,NO,,Arctic drilling,Exclusion,2024-02-01\n';
    const a = await importList(editor(), { listKey: 'own', listName: 'Kommunens egne vedtak', fileName: 'egne.csv', data: Buffer.from(csv) });
    expect(a).toEqual({ listKey: 'own', version: 1, entries: 2, unchanged: false });
    expect(await importList(editor(), { listKey: 'own', listName: '', fileName: 'egne.csv', data: Buffer.from(csv) })).toMatchObject({ version: 1, unchanged: true });
    const b = await importList(editor(), { listKey: 'own', listName: '', fileName: 'egne-2.csv', data: Buffer.from(csv + 'Tobacco Co Ltd,,,,Tobacco,Exclusion,\n') });
    expect(b).toMatchObject({ version: 2, entries: 3 });
    const bad = await appError(importList(editor(), { listKey: 'own', listName: '', fileName: 'feil.csv', data: Buffer.from('name,isin,decision\nA,NO0003921008,Exclusion\n,NO0010096985,Exclusion\nB,,kanskje\n') }));
    expect(bad.code).toBe('import_failed');
    expect(bad.details.map((d) => [d.line, d.field])).toEqual([
      [2, 'isin'],
      [3, 'name'],
      [4, 'decision'],
    ]);
    const holdings = 'name;isin;country;market_value_nok;konto\nMARATHON OIL CORP;;US;1 000,50;X1\nDNB BANK ASA;;NO;2000;X2\nDet norske oljeselskap;NO0003921009;NO;500;X3\n';
    const r = await importHoldings(editor(), { portfolioKey: 'testfond', portfolioName: 'Testfond', asOf: '31.10.2026', fileName: 'h.csv', data: Buffer.from(holdings) });
    expect(r).toMatchObject({ portfolioKey: 'testfond', asOf: '2026-10-31', holdings: 3, unchanged: false });
    expect(await importHoldings(editor(), { portfolioKey: 'testfond', portfolioName: 'Testfond', asOf: '2026-10-31', fileName: 'h.csv', data: Buffer.from(holdings) })).toMatchObject({ reportId: r.reportId, unchanged: true });
    const s = await screening(editor(), deps, r.reportId);
    expect(s.lists.map((l) => [l.key, l.version])).toEqual(expect.arrayContaining([['own', 2]]));
    expect(s.breaches.map((b) => [b.name, b.breaches.map((x) => x.criterionId)])).toEqual([
      ['MARATHON OIL CORP', ['oil_sands']],
      ['Det norske oljeselskap', [expect.any(String)]],
    ]);
    expect(s.summary.totalOre).toBe(350050);
    expect((await appError(importHoldings(editor(), { portfolioKey: 'Test Fond', portfolioName: '', asOf: '2026-10-31', fileName: 'h.csv', data: Buffer.from(holdings) }))).details[0]!.field).toBe('portfolioKey');
    expect((await appError(importHoldings(editor(), { portfolioKey: 'testfond', portfolioName: '', asOf: '31.02.2026', fileName: 'h.csv', data: Buffer.from(holdings) }))).details[0]!.field).toBe('asOf');
  });

  it('imports company data all or nothing, so that a threshold catches a company no list names', async () => {
    const bad = 'name;isin;year;revenue_share_thermal_coal_mining;metric_coal_power_gw\r\nKullkraft Eksempel AS;;2025;150;1\r\n;;2025;2;x\r\n';
    const e = await appError(importCompanyData(editor(), { fileName: 'selskapsdata.csv', data: Buffer.from(bad) }));
    expect(e.details.map((d) => [d.line, d.field])).toEqual([
      [2, 'revenue_share_thermal_coal_mining'],
      [3, 'name'],
      [3, 'metric_coal_power_gw'],
    ]);
    const good = 'name;isin;year;source;revenue_share_thermal_coal_mining;metric_coal_power_gw\r\nKullkraft Eksempel AS;;2025;Årsrapport 2025;12,5;0,4\r\n';
    expect(await importCompanyData(editor(), { fileName: 'selskapsdata.csv', data: Buffer.from(good) })).toEqual({ companies: 1, created: 1, updated: 0, unchanged: 0 });
    expect(await importCompanyData(editor(), { fileName: 'selskapsdata.csv', data: Buffer.from(good) })).toMatchObject({ created: 0, unchanged: 1 });
    await importHoldings(editor(), { portfolioKey: 'kullsjekk', portfolioName: 'Kullsjekk', asOf: '2026-09-30', fileName: 'beholdning.csv', data: Buffer.from('name;market_value_nok\r\nKULLKRAFT EKSEMPEL ASA;1000000\r\nRenBygg AS;3000000\r\n') });
    const o = await overview(editor(), deps);
    const report = o.portfolios.find((p) => p.key === 'kullsjekk')!.reports.at(-1)!;
    const s = await screening(editor(), deps, report.id);
    expect(s.breaches.map((b) => [b.name, b.breaches.map((x) => [x.criterionId, x.source])])).toEqual([['KULLKRAFT EKSEMPEL ASA', [['thermal_coal', 'data']]]]);
    expect(s.summary.breachedShare).toBeCloseTo(0.25, 6);
    expect((await appError(importCompanyData(user({ domains: ['foodwaste'] }), { fileName: 'x.csv', data: Buffer.from(good) }))).code).toBe('forbidden');
  });

  it('versions the policy and checks it', async () => {
    const p = defaultPolicy(DEFAULT_DATA_DIR);
    const v1 = await adoptPolicy(editor(), { ...p, adopted: { body: 'Kommunestyret', date: '2024-06-18', caseNumber: '24/03318' }, adoptedLists: ['nbim'] });
    expect(v1).toMatchObject({ version: 1, isDefault: false });
    expect((await currentPolicy(editor(), deps)).policy.adopted.caseNumber).toBe('24/03318');
    const bad = await appError(adoptPolicy(editor(), { ...p, criteria: [{ ...p.criteria[0]!, maxRevenueShare: 3 }] }));
    expect(bad.details.map((d) => d.field)).toContain('criteria[0].maxRevenueShare');
    // The own list is no longer adopted: Marathon Oil is no breach any more.
    const o = await overview(editor(), deps);
    const test = o.portfolios.find((x) => x.key === 'testfond')!.reports[0]!;
    expect((await screening(editor(), deps, test.id)).breaches.map((b) => b.name)).toEqual([]);
  });

  it('hands the finance committee a workbook', async () => {
    const f = await reportXlsx(editor(), deps);
    expect(f.fileName).toMatch(/^investeringer-.+\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(f.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sammendrag', 'Per kriterium', 'Brudd', 'Til vurdering']);
    expect(wb.getWorksheet('Sammendrag')!.getCell('A1').value).toBe('Portefølje');
  });

  it('publishes the share of fund value in excluded companies (A3)', async () => {
    // The public program view computes it for an anonymous visitor.
    const obs = await INVESTMENTS_PUBLISHERS[0]!.compute({ ...ctx, actor: { kind: 'anonymous', municipalityId: ctx.scope.municipalityId } }, '2026-06-30');
    expect(obs.map((o) => o.period)).toEqual(['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(obs[0]!.value).toBeGreaterThan(obs.at(-1)!.value);
    expect(obs.every((o) => o.value >= 0 && o.value <= 100)).toBe(true);
  });

  it('is for investments editors only', async () => {
    for (const who of [user({ domains: ['foodwaste'] }), user({ role: 'unit_manager' }), user({ role: 'business' })]) {
      expect((await appError(overview(who, deps))).code).toBe('forbidden');
      expect((await appError(importList(who, { listKey: 'x', listName: '', fileName: 'a.csv', data: Buffer.from('name\nA\n') }))).code).toBe('forbidden');
    }
  });
});
