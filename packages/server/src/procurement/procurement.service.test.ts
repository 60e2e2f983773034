import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SystemActor, UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { municipalityRepository } from '../platform/municipalities.js';
import { TenantScope } from '../platform/tenant.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import {
  awardTender,
  createCriterion,
  createTender,
  followUpDashboard,
  getContract,
  listContracts,
  listCriteria,
  listTenders,
  loadStarterCriteria,
  publishTender,
  recordOutcome,
  saveBid,
  tenderEvaluation,
  updateCriterion,
  updateTender,
  type ProcurementDeps,
  type TenderInput,
} from './procurement.service.js';
import { PROCUREMENT_PUBLISHERS } from './procurement.publishers.js';
import { exportOcds, importOcds, validateOcdsPackage } from './procurement.ocds.js';
import { run } from '../cli/main.js';
import fs from 'node:fs';
import path from 'node:path';

const NOW = new Date('2026-11-27T10:00:00Z');

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(ENGINES)('procurement services on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  let deps: ProcurementDeps;
  const user = (over: Partial<UserActor>): Ctx => ({ ...ctx, actor: { kind: 'user', userId: `u-${over.role}`, municipalityId: ctx.scope.municipalityId, name: 'Test', email: 't@asker.example', role: 'editor', domains: [], unitScope: [], unitId: null, organisationId: null, ...over } as UserActor });
  const editor = () => user({ role: 'editor', domains: ['procurement'] });
  const tender = (over: Partial<TenderInput> = {}): TenderInput => ({
    reference: 'TEST-1',
    title: 'Elbiler til vei og park',
    cpv: '34144900-7',
    estimatedValueNok: 2_500_000,
    procedure: 'open',
    priceModel: { kind: 'linear', maxPoints: 10, slope: 1, floorAtZero: false },
    criteria: [
      { id: 'price', kind: 'price', name: 'Pris', weight: 40 },
      { id: 'env', kind: 'environment', name: 'Energiforbruk', weight: 30, libraryKey: 'veh-energy-use-award' },
      { id: 'quality', kind: 'quality', name: 'Service', weight: 30 },
    ],
    requirementKeys: ['veh-zero-emission-cars', 'veh-transport-emissions-report'],
    ...over,
  });

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    const m = (await municipalityRepository(env.deps.db).bySlug('asker'))!;
    const actor: SystemActor = { kind: 'system', municipalityId: m.id, label: 'test' };
    ctx = { scope: new TenantScope(env.deps.db, m.id), actor, now: () => NOW };
    deps = { dataDir: env.config.dataDir };
  }, 120_000);
  afterAll(() => env?.close());

  it('loads the starter library (≥ 30 criteria in ≥ 9 product groups) once, and lets editors edit it', async () => {
    const all = await listCriteria(editor());
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(new Set(all.map((c) => c.productGroup)).size).toBeGreaterThanOrEqual(9);
    expect(new Set(all.map((c) => c.type))).toEqual(new Set(['qualification', 'specification', 'award', 'contract_condition']));
    expect(await loadStarterCriteria(ctx, deps)).toMatchObject({ created: 0, unchanged: all.length });
    const c = all.find((x) => x.key === 'food-organic-share')!;
    const edited = await updateCriterion(editor(), deps, c.id, { ...c, text: 'Minst 30 % økologisk.' });
    expect(edited.text).toBe('Minst 30 % økologisk.');
    const bad = await appError(createCriterion(editor(), deps, { key: 'X', productGroup: 'spaceships', type: 'wish', level: 'basic', title: '', text: 't', documentation: 'd', verification: 'v', cpv: ['99999999-9'] }));
    expect(bad.details.map((d) => d.field)).toEqual(['key', 'productGroup', 'type', 'title', 'cpv']);
    expect((await appError(createCriterion(user({ role: 'editor', domains: ['foodwaste'] }), deps, { ...c, key: 'new-one' }))).code).toBe('forbidden');
    expect((await listCriteria(editor(), { productGroup: 'ict' })).every((x) => x.productGroup === 'ict')).toBe(true);
  });

  it('keeps a tender below 30 % as a draft and blocks publication with the plain explanation, until an exception is justified', async () => {
    const low = tender({ reference: 'TEST-LOW', criteria: [{ id: 'price', kind: 'price', name: 'Pris', weight: 80 }, { id: 'env', kind: 'environment', name: 'Miljø', weight: 20 }] });
    const t = await createTender(editor(), deps, low);
    expect(t.status).toBe('draft');
    expect(t.rules.errors.map((e) => e.code)).toEqual(['ENV_WEIGHT_BELOW_30']);
    const e = await appError(publishTender(editor(), deps, t.id));
    expect(e.code).toBe('validation');
    expect(e.message).toContain('minst 30 %');
    const fixed = await updateTender(editor(), deps, t.id, { ...low, exception: { kind: 'specification', justification: 'Kravspesifikasjonen krever nullutslipp for alle kjøretøy, som gir klart større effekt enn vekting.' } });
    expect(fixed.exceptionUsed).toBe(true);
    expect((await publishTender(editor(), deps, t.id)).status).toBe('published');
    expect((await appError(updateTender(editor(), deps, t.id, low))).code).toBe('conflict');
    const bad = await appError(createTender(editor(), deps, tender({ reference: 'TEST-LOW', cpv: '123', procedure: 'lottery' })));
    expect(bad.details.map((d) => d.field)).toEqual(['reference', 'cpv', 'procedure']);
  });

  it('evaluates bids, awards the winner and turns requirements into follow-up items with due dates', async () => {
    const t = await createTender(editor(), deps, tender());
    await publishTender(editor(), deps, t.id);
    const a = await saveBid(editor(), t.id, { label: 'A', supplierName: 'Billig Bil AS', priceNok: 1_000_000, points: { env: 2, quality: 8 } });
    await saveBid(editor(), t.id, { label: 'B', supplierName: 'Grønn Bil AS', supplierOrgNumber: '999 888 777', priceNok: 1_100_000, points: { env: 9, quality: 8 }, lcc: { startYear: 2027, years: [{ operationNok: 10_000, tonnesCo2e: 0.5 }] } });
    const b2 = await saveBid(editor(), t.id, { label: 'B', supplierName: 'Grønn Bil AS', supplierOrgNumber: '999888777', priceNok: 1_100_000, points: { env: 9, quality: 8 } });
    expect(b2.supplierOrgNumber).toBe('999888777');
    expect((await appError(saveBid(editor(), t.id, { label: '', supplierName: '', priceNok: -1, points: { env: -2 } }))).details.map((d) => d.field)).toEqual(['label', 'supplierName', 'priceNok', 'points.env']);
    const ev = await tenderEvaluation(editor(), deps, t.id);
    expect(ev.winner).toBe('B');
    expect(ev.ranking.map((r) => r.bid)).toEqual(['B', 'A']);
    expect(ev.sensitivity!.from).toBeLessThan(30);
    expect(ev.carbonPricePath.unit).toContain('NOK');
    const c = await awardTender(editor(), deps, t.id, { bidId: b2.id, startDate: '2025-01-01', endDate: '2027-12-31' });
    expect(c.supplierName).toBe('Grønn Bil AS');
    // The specification and the promised environment performance once; the contract condition every year.
    expect(c.followUps.map((f) => `${f.requirementKey}@${f.dueDate}`).sort()).toEqual(
      ['veh-energy-use-award@2025-04-01', 'veh-transport-emissions-report@2025-04-01', 'veh-transport-emissions-report@2026-04-01', 'veh-transport-emissions-report@2027-04-01', 'veh-zero-emission-cars@2025-04-01'].sort(),
    );
    expect(c.followUps.filter((f) => f.status === 'overdue')).toHaveLength(4);
    expect(c.onSchedule).toBe(false);
    expect((await appError(awardTender(editor(), deps, t.id, { bidId: a.id, startDate: '2025-01-01', endDate: '2027-12-31' }))).code).toBe('conflict');

    const item = c.followUps.find((f) => f.requirementKey === 'veh-zero-emission-cars')!;
    const met = await recordOutcome(editor(), item.id, { outcome: 'met', checkedOn: '2026-11-20' });
    expect(met.status).toBe('met');
    const dev = c.followUps.find((f) => f.requirementKey === 'veh-energy-use-award')!;
    const bad = await appError(recordOutcome(editor(), dev.id, { outcome: 'deviation', checkedOn: '2026-11-20', sanction: 'fine' }));
    expect(bad.details.map((d) => d.field)).toEqual(['sanctionDate', 'finding']);
    const open = await recordOutcome(editor(), dev.id, { outcome: 'deviation', checkedOn: '2026-11-20', finding: 'Målt forbruk over tilbudt verdi', sanction: 'fine', sanctionDate: '2026-11-21' });
    expect(open.status).toBe('deviation_open');
    const closed = await recordOutcome(editor(), dev.id, { outcome: 'deviation', checkedOn: '2026-11-20', finding: 'Målt forbruk over tilbudt verdi', sanction: 'fine', sanctionDate: '2026-11-21', deviationClosedOn: '2026-11-26' });
    expect(closed.status).toBe('deviation_closed');
    expect((await getContract(editor(), c.id)).overdue).toBe(2);
    // A unit manager elsewhere may not record outcomes.
    const other = (await organisationsRepository(ctx.scope).unitByKey('skole-hvalstad'))!.id;
    expect((await appError(recordOutcome(user({ role: 'unit_manager', unitId: other, unitScope: [other] }), item.id, { outcome: 'met', checkedOn: '2026-11-20' }))).code).toBe('forbidden');
  });

  it('shows the demo: one awarded contract on schedule, one overdue; the dashboard groups what suppliers owe by unit', async () => {
    const tenders = await listTenders(editor(), deps);
    expect(tenders.find((t) => t.reference === '2026/0305')).toMatchObject({ status: 'draft', rulesOk: false, envWeight: 20 });
    expect(tenders.find((t) => t.reference === '2026/0318')).toMatchObject({ status: 'published', exceptionUsed: true });
    const contracts = await listContracts(editor());
    const food = contracts.find((c) => c.tenderReference === '2026/0087')!;
    expect(food.overdue).toBeGreaterThan(0);
    const cars = contracts.find((c) => c.tenderReference === '2025/0412')!;
    expect(cars.supplierName).toBe('Bilhuset Asker AS'); // the electric bid wins on life-cycle cost
    expect(cars.followUps.filter((f) => f.status === 'deviation_closed')).toHaveLength(1);
    expect(cars.onSchedule).toBe(true); // every check due so far is recorded
    const d = await followUpDashboard(editor());
    expect(d.totals.overdue).toBeGreaterThan(0);
    const kitchen = d.units.find((u) => u.unitName === 'Sentralkjøkken Bråset')!;
    expect(kitchen.overdue).toBeGreaterThan(0);
    expect(kitchen.items[0]!.status).toBe('overdue');
    expect((await appError(followUpDashboard(user({ role: 'business' })))).code).toBe('forbidden');
    const ev = await tenderEvaluation(editor(), deps, tenders.find((t) => t.reference === '2026/0231')!.id);
    expect(ev.ranking).toHaveLength(3);
  });

  it('publishes the A2 figures computed from tenders and follow-up', async () => {
    const by = Object.fromEntries(PROCUREMENT_PUBLISHERS.map((p) => [p.metric, p]));
    const share = await by.tenders_env_weight_30_share!.compute(ctx, '2026-11-27');
    expect(share.length).toBeGreaterThan(0);
    const last = share.at(-1)!;
    expect(last.value).toBeGreaterThan(0);
    expect(last.value).toBeLessThanOrEqual(100);
    const onSchedule = await by.contracts_follow_up_on_schedule_share!.compute(ctx, '2026-11-27');
    expect(onSchedule.at(-1)!.value).toBeLessThan(100);
    const found = await by.follow_up_deviations_found!.compute(ctx, '2026-12-31');
    expect(found.find((o) => o.period === '2025-Q3')!.value).toBe(1); // the demo's energy-use deviation
    expect(found.at(-1)).toMatchObject({ period: '2026-Q4', value: 1 }); // this file's deviation
    expect((await by.follow_up_deviations_closed!.compute(ctx, '2026-12-31')).find((o) => o.period === '2025-Q4')!.value).toBe(1);
    expect((await by.tenders_env_exception_share!.compute(ctx, '2026-11-27')).at(-1)!.value).toBeGreaterThan(0);
  });

  it('exports tenders, awards and contracts as an OCDS 1.1 release package that validates, with weights and sustainability', async () => {
    const pkg = (await exportOcds(editor(), deps)) as { releases: Record<string, any>[] };
    expect(validateOcdsPackage(deps.dataDir, pkg)).toEqual([]);
    const cars = pkg.releases.find((r) => r.tender.id === '2025/0412')!;
    expect(cars.tag).toEqual(['tender', 'award', 'contract']);
    expect(cars.tender.value).toEqual({ amount: 4_200_000, currency: 'NOK' });
    expect(cars.tender.items[0].classification).toMatchObject({ scheme: 'CPV', id: '34144900-7' });
    expect(cars.tender.lots[0].awardCriteria.criteria.map((c: any) => [c.type, c.numbers[0].number])).toEqual([
      ['cost', 50],
      ['quality', 30],
      ['quality', 20],
    ]);
    expect(cars.tender.lots[0].hasSustainability).toBe(true);
    expect(cars.tender.lots[0].sustainability[0]).toEqual({ goal: 'environmental', strategies: ['awardCriteria', 'technicalSpecifications', 'contractPerformanceConditions', 'selectionCriteria'] });
    expect(cars.awards[0].suppliers[0].name).toBe('Bilhuset Asker AS');
    expect(cars.contracts[0].period.startDate).toBe('2025-06-01T00:00:00Z');
    // A broken package is caught by the schema.
    const broken = structuredClone(pkg);
    broken.releases[0]!.tender.status = 'maybe';
    delete broken.releases[0]!.ocid;
    expect(validateOcdsPackage(deps.dataDir, broken).length).toBeGreaterThanOrEqual(2);
  });

  it('imports every official OCDS example without error, idempotently, and exports it again keeping what it models', async () => {
    const dir = path.join(deps.dataDir, 'reference', 'procurement', 'ocds-1.1.5', 'examples');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    expect(files).toHaveLength(7);
    for (const f of files) {
      const r = await importOcds(editor(), deps, f, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      expect(r.releases, f).toBeGreaterThan(0);
    }
    const again = await importOcds(editor(), deps, 'easy_releases__worked_example1__contract.json', JSON.parse(fs.readFileSync(path.join(dir, 'easy_releases__worked_example1__contract.json'), 'utf8')));
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const tenders = await listTenders(editor(), deps);
    const imported = tenders.filter((t) => t.currency !== 'NOK'); // GBP and PYG in the examples
    expect(imported).toHaveLength(2); // two ocids across the seven files
    const pkg = (await exportOcds(editor(), deps, imported.map((t) => t.id))) as { releases: Record<string, any>[] };
    const original = JSON.parse(fs.readFileSync(path.join(dir, 'easy_releases__worked_example1__contract.json'), 'utf8')).releases[0];
    const out = pkg.releases.find((r) => r.ocid === original.ocid)!;
    expect(out.tender.title).toBe(original.tender.title);
    expect(out.tender.value).toEqual(original.tender.value);
    expect(out.awards[0].suppliers[0].name).toBe(original.awards[0].suppliers[0].name);
    expect(out.contracts[0].period.startDate.slice(0, 10)).toBe(original.contracts[0].period.startDate.slice(0, 10));
    const highway = pkg.releases.find((r) => r.ocid === 'ocds-213czf-000-00001')!;
    expect(highway.tender.items[0].classification.id).toBe('45233130-9');
    const bad = await appError(importOcds(editor(), deps, 'x.json', { releases: [{ ocid: 'x' }] }));
    expect(bad.code).toBe('import_failed');
    expect((await appError(importOcds(user({ role: 'unit_manager' }), deps, 'x.json', {}))).code).toBe('forbidden');
  });

  // The CLI opens its own database from DATABASE_URL (a file here); its services are tested on both engines above.
  (engine === 'sqlite' ? it : () => {})('loads the library, exports and imports OCDS and lists the follow-up from the command line', async () => {
    const lines: string[] = [];
    const io = { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t) };
    const cliEnv = { DATABASE_URL: `sqlite:${(env.config.database as { file: string }).file}`, DATA_DIR: env.config.dataDir, STORAGE_DIR: env.config.storageDir, LOG_LEVEL: 'silent' };
    expect(await run(['procurement', 'load-criteria', '--json'], cliEnv, io), lines.join('\n')).toBe(0);
    expect(JSON.parse(lines.join('\n'))).toMatchObject({ created: 0 });
    lines.length = 0;
    expect(await run(['procurement', 'ocds-export'], cliEnv, io)).toBe(0);
    const pkg = JSON.parse(lines.join('\n'));
    expect(validateOcdsPackage(deps.dataDir, pkg)).toEqual([]);
    lines.length = 0;
    const file = path.join(path.dirname(env.config.storageDir), 'ocds.json');
    fs.writeFileSync(file, JSON.stringify(pkg));
    expect(await run(['procurement', 'ocds-import', file, '--json'], cliEnv, io)).toBe(0);
    const r = JSON.parse(lines.join('\n'));
    expect(r.created).toBe(0);
    expect(r.unchanged + r.updated).toBe(pkg.releases.length); // own tenders unchanged; those imported earlier updated from the same data
    lines.length = 0;
    expect(await run(['procurement', 'follow-up'], cliEnv, io)).toBe(0);
    expect(lines.join('\n')).toContain('Sentralkjøkken Bråset');
  });
});
