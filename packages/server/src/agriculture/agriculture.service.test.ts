import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, systemCtx, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { agricultureReference } from './agriculture.reference.js';
import { AGRICULTURE_PUBLISHERS } from './agriculture.publishers.js';
import { agricultureRepository } from './agriculture.repository.js';
import { createDelivery, createPlan, createSupport, getFarm, importDeliveries, listFarms, results, setAreas, updateFarm, type AgricultureDeps } from './agriculture.service.js';

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

describe.each(ENGINES)('agriculture services on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  const deps: AgricultureDeps = { reference: agricultureReference() };
  const ids = { hyggenOrg: '', hyggen: '', aros: '', hotelOrg: '' };
  const user = (over: Partial<UserActor>): Ctx => ({ ...ctx, actor: { kind: 'user', userId: `u-${over.role}`, municipalityId: ctx.scope.municipalityId, name: 'Test', email: 't@asker.example', role: 'editor', domains: [], unitScope: [], unitId: null, organisationId: null, ...over } as UserActor });
  const editor = () => user({ role: 'editor', domains: ['agriculture'] });
  const farmer = () => user({ role: 'business', organisationId: ids.hyggenOrg });
  const counts = async () => ({ deliveries: (await agricultureRepository(ctx.scope).deliveries()).length, areas: (await agricultureRepository(ctx.scope).areas()).length, audit: (await ctx.scope.selectFrom('audit_log').select('id').execute()).length });

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    ctx = await systemCtx(env.deps, 'asker', () => NOW);
    const orgs = organisationsRepository(ctx.scope);
    ids.hyggenOrg = (await orgs.organisationByNumber('989862650'))!.id;
    ids.hotelOrg = (await orgs.organisationByNumber('939375635'))!.id;
    const repo = agricultureRepository(ctx.scope);
    ids.hyggen = (await repo.farmByOrganisation(ids.hyggenOrg))!.id;
    ids.aros = (await repo.farmByOrganisation((await orgs.organisationByNumber('989406035'))!.id))!.id;
  }, 120_000);
  afterAll(() => env?.close());

  it('loads the demo farms with areas from 2020 and publishes the organic share, local producers and tonnes for ended years', async () => {
    const r = await results(editor(), deps);
    expect(r.farms).toBe(6);
    expect(r.years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const y21 = r.years.find((y) => y.year === 2021)!;
    expect(y21.organicOrConversionShare).toBeGreaterThan(3.5);
    expect(y21.organicOrConversionShare).toBeLessThan(5);
    expect(y21.conversionDaa).toBe(0);
    // Hyggen's 120 daa converted from April 2022: in conversion at the end of 2022 and 2023, organic from April 2024.
    expect(r.years.find((y) => y.year === 2023)!.conversionDaa).toBeGreaterThanOrEqual(120);
    expect(r.years.find((y) => y.year === 2025)!.organicOrConversionShare!).toBeGreaterThan(y21.organicOrConversionShare!);
    const pub = (m: string) => AGRICULTURE_PUBLISHERS.find((p) => p.metric === m)!.compute(ctx, '2026-11-27');
    const share = await pub('organic_farmland_share');
    expect(share.map((o) => o.period)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
    expect(share[1]!.value).toBeCloseTo(y21.organicOrConversionShare!, 1);
    expect((await pub('local_food_producers')).find((o) => o.period === '2022')!.value).toBe(4);
    const tonnes = await pub('local_deliveries_tonnes');
    expect(tonnes.at(-1)!.period).toBe('2025');
    expect(tonnes.at(-1)!.value).toBeCloseTo(r.years.find((y) => y.year === 2025)!.deliveredKg / 1000, 0);
  });

  it('lets a farm user see and report for their own farm only', async () => {
    expect((await listFarms(farmer(), deps)).map((f) => f.id)).toEqual([ids.hyggen]);
    expect((await listFarms(editor(), deps)).length).toBe(6);
    const before = await counts();
    const d = await createDelivery(farmer(), deps, ids.hyggen, { year: 2026, month: 11, channelKey: 'reko_market', productKey: 'vegetables', kg: 42.5, valueNok: 1912.5 });
    expect(d).toMatchObject({ period: '2026-11', kg: 42.5, valueNok: 1912.5 });
    expect((await appError(createDelivery(farmer(), deps, ids.aros, { year: 2026, month: 11, channelKey: 'reko_market', productKey: 'vegetables', kg: 1, valueNok: 1 }))).code).toBe('forbidden');
    expect((await appError(getFarm(farmer(), deps, ids.aros))).code).toBe('forbidden');
    expect((await appError(updateFarm(farmer(), deps, ids.aros, { agriculturalAreaDaa: 1 }))).code).toBe('forbidden');
    expect((await appError(createDelivery(user({ role: 'business', organisationId: ids.hotelOrg }), deps, ids.hyggen, { year: 2026, month: 1, channelKey: 'reko_market', productKey: 'vegetables', kg: 1, valueNok: 1 }))).code).toBe('forbidden');
    const bad = await appError(createDelivery(farmer(), deps, ids.hyggen, { year: 2026, month: 12, channelKey: 'bil', productKey: 'vegetables', kg: 0, valueNok: -5 }));
    expect(bad.details.map((x) => x.field)).toEqual(['month', 'channel', 'kg', 'valueNok']);
    expect(await counts()).toEqual({ ...before, deliveries: before.deliveries + 1, audit: before.audit + 1 });
    // Support is the agriculture office's to record.
    expect((await appError(createSupport(farmer(), deps, ids.hyggen, { schemeKey: 'rmp', year: 2026, amountNok: 1000 }))).code).toBe('forbidden');
    expect((await createSupport(editor(), deps, ids.hyggen, { schemeKey: 'rmp', year: 2026, amountNok: 1000 })).amountNok).toBe(1000);
  });

  it('refuses areas above the farm total, negative areas and conversion without a start, and changes nothing', async () => {
    const before = await counts();
    const over = await appError(setAreas(farmer(), deps, ids.hyggen, { year: 2026, areas: [{ cropKey: 'grass', areaDaa: 300, management: 'organic' }, { cropKey: 'vegetables', areaDaa: 40, management: 'conversion' }, { cropKey: 'grain', areaDaa: -1, management: 'conventional' }] }));
    expect(over.details.map((x) => x.field)).toEqual(['areas.1.conversionStart', 'areas.2.areaDaa', 'areas']);
    expect(over.details.at(-1)!.message).toContain('310 dekar');
    expect(await counts()).toEqual(before);
    // Shrinking the farm below a year's reported areas is refused too.
    expect((await appError(updateFarm(farmer(), deps, ids.hyggen, { agriculturalAreaDaa: 100 }))).details[0]!.field).toBe('agriculturalAreaDaa');
  });

  it('counts an area in conversion as organic once its period has ended', async () => {
    await setAreas(editor(), deps, ids.aros, { year: 2026, areas: [{ cropKey: 'vegetables', areaDaa: 50, management: 'conversion', conversionStart: '2024-06-01' }, { cropKey: 'fruit', areaDaa: 60, management: 'conversion', conversionStart: '2024-06-01' }, { cropKey: 'grass', areaDaa: 30, management: 'conventional' }] });
    const f = await getFarm(editor(), deps, ids.aros);
    const y = f.years.find((x) => x.year === 2026)!;
    // Vegetables: 24 months, ended 2026-06-01. Fruit: 36 months, not before 2027-06-01.
    expect(y.areas.find((a) => a.cropKey === 'vegetables')!.managementAtEnd).toBe('organic');
    expect(y.areas.find((a) => a.cropKey === 'fruit')!.managementAtEnd).toBe('conversion');
    expect(y).toMatchObject({ totalDaa: 140, organicDaa: 50, conversionDaa: 60 });
  });

  it('imports deliveries all or nothing, lists every bad line, and adds nothing the second time', async () => {
    const before = await counts();
    const bad = 'orgnr;periode;kanal;varegruppe;kg;verdi_nok\r\n989862650;2025-07;REKO-ring og bondens marked;Grønnsaker;120,5;4 580\r\n989406035;juli;bil;Grønnsaker;-3;x\r\n000000000;2025;farm_shop;berries;10;100\r\n';
    const e = await appError(importDeliveries(editor(), deps, 'leveranser.csv', Buffer.from(bad, 'utf8')));
    expect(e.code).toBe('import_failed');
    expect(e.details.map((d) => `${d.line}:${d.field}`)).toEqual(['3:periode', '3:kanal', '3:kg', '3:verdi_nok', '4:orgnr']);
    expect(await counts()).toEqual(before);
    const good = 'orgnr;periode;kanal;varegruppe;kg;verdi_nok;merknad\r\n989862650;2025-07;REKO-ring og bondens marked;Grønnsaker;120,5;4 580;uke 28\r\n989406035;2025;farm_shop;berries;800;76000;\r\n';
    expect(await importDeliveries(editor(), deps, 'leveranser.csv', Buffer.from(good, 'utf8'))).toMatchObject({ rows: 2, created: 2, unchanged: 0 });
    expect(await importDeliveries(editor(), deps, 'leveranser.csv', Buffer.from(good, 'utf8'))).toMatchObject({ rows: 2, created: 0, unchanged: 2 });
    const rows = (await agricultureRepository(ctx.scope).deliveries()).filter((d) => d.import_file === 'leveranser.csv');
    expect(rows.map((r) => [r.kg, r.value_ore, r.import_line]).sort()).toEqual([[120.5, 458000, 2], [800, 7600000, 3]].sort());
    // A farm user may import their own farm's lines, not another's.
    const mixed = await appError(importDeliveries(farmer(), deps, 'egen.csv', Buffer.from(good, 'utf8')));
    expect(mixed.details).toEqual([expect.objectContaining({ line: 3, field: 'orgnr', message: 'Du kan bare rapportere leveranser for din egen gård' })]);
    expect((await appError(importDeliveries(user({ role: 'business', organisationId: ids.hotelOrg }), deps, 'x.csv', Buffer.from(good)))).code).toBe('forbidden');
  });

  it('checks conversion plans against the farm', async () => {
    const e = await appError(createPlan(farmer(), ids.hyggen, { targetYear: 2025, areaDaa: 400, status: 'planned' }));
    expect(e.details.map((d) => d.field)).toEqual(['targetYear', 'areaDaa']);
    expect((await createPlan(farmer(), ids.hyggen, { targetYear: 2028, areaDaa: 60, status: 'planned' })).status).toBe('planned');
  });
});
