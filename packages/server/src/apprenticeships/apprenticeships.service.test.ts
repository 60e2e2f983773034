import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendantsOf, type UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, systemCtx, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { apprenticeshipsReference } from './apprenticeships.reference.js';
import { APPRENTICESHIPS_PUBLISHERS } from './apprenticeships.publishers.js';
import { createPlace, listPlaces, overview, updatePlace, type ApprenticeshipsDeps } from './apprenticeships.service.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const TODAY = '2026-11-27';

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(ENGINES)('apprenticeship services on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  let deps: ApprenticeshipsDeps;
  let tree: { id: string; parentId: string | null }[];
  const ids = { bleikerfaret: '', hvalstad: '', solcelle: '', hotel: '' };
  const user = (over: Partial<UserActor>): Ctx => ({ ...ctx, actor: { kind: 'user', userId: `u-${over.role}`, municipalityId: ctx.scope.municipalityId, name: 'Test', email: 't@asker.example', role: 'editor', domains: [], unitScope: [], unitId: null, organisationId: null, ...over } as UserActor });
  const hr = () => user({ role: 'editor', domains: ['apprenticeships'] });
  const manager = (unitId: string) => user({ role: 'unit_manager', unitId, unitScope: descendantsOf(unitId, tree) });
  const business = (orgId: string) => user({ role: 'business', organisationId: orgId });
  const place = { tradeKey: 'helsearbeiderfaget', startDate: '2026-08-17', endDate: '2028-08-16', status: 'filled', contractRef: 'OKA-2026-7781' };

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    ctx = await systemCtx(env.deps, 'asker', () => NOW);
    deps = { reference: apprenticeshipsReference(env.config.dataDir) };
    const orgs = organisationsRepository(ctx.scope);
    tree = await orgs.unitTree();
    ids.bleikerfaret = (await orgs.unitByKey('bhg-bleikerfaret'))!.id;
    ids.hvalstad = (await orgs.unitByKey('skole-hvalstad'))!.id;
    ids.solcelle = (await orgs.organisationByNumber('972212296'))!.id;
    ids.hotel = (await orgs.organisationByNumber('939375635'))!.id;
  }, 120_000);
  afterAll(() => env?.close());

  it("publishes apprentices in municipal units on 31 December as the demo's figures, from the register's second year", async () => {
    const by = Object.fromEntries(APPRENTICESHIPS_PUBLISHERS.map((p) => [p.metric, p]));
    const obs = await by.municipal_apprentices!.compute(ctx, TODAY);
    expect(obs.map((o) => [o.period, o.value])).toEqual([
      ['2017', 96],
      ['2018', 100],
      ['2019', 104],
      ['2020', 112],
      ['2021', 131],
      ['2022', 150],
      ['2023', 172],
      ['2024', 196],
      ['2025', 214],
    ]);
    const first = await by.first_time_training_companies!.compute(ctx, TODAY);
    // The register's first business year (2021) is left out: every business would be "new" in it.
    expect(first.map((o) => [o.period, o.value])).toEqual([
      ['2022', 1],
      ['2023', 1],
      ['2024', 1],
      ['2025', 1],
    ]);
    expect((await by.businesses_with_apprentices_registered!.compute(ctx, TODAY)).at(-1)).toMatchObject({ period: '2025', value: 4 });
  });

  it("shows HR the road to three times the program's baseline, unit by unit, and the units to ask next", async () => {
    const o = await overview(hr(), deps, TODAY);
    expect(o.goal).toMatchObject({ baselineYear: 2018, baseline: 100, targetYear: 2027, target: 300, multiple: 3 });
    expect(o.series.find((s) => s.year === 2018)).toMatchObject({ count: 100, expected: 100 });
    expect(o.series.find((s) => s.year === 2027)).toMatchObject({ count: null, expected: 300 });
    expect(o.series.find((s) => s.year === 2026)).toMatchObject({ count: 232, partial: true });
    expect(o.now.municipal).toBe(232);
    expect(o.bySector.reduce((s, x) => s + x.count, 0)).toBe(232);
    expect(o.byUnit.reduce((s, x) => s + x.count, 0)).toBe(232);
    const staff = o.unitsWithout.map((u) => u.staff);
    expect(staff).toEqual([...staff].sort((a, b) => b - a));
    expect(o.unitsWithout.every((u) => !o.byUnit.some((b) => b.id === u.id))).toBe(true);
    expect(o.firstTimeBusinesses.find((f) => f.year === 2021)!.businesses.map((b) => b.name)).toEqual(['Solcellemontasje Heggedal AS']);
    expect((await appError(overview(business(ids.hotel), deps))).code).toBe('forbidden');
  });

  it('registers a place and refuses bad ones with what is wrong, saving nothing', async () => {
    const saved = await createPlace(manager(ids.bleikerfaret), deps, { ...place, unitId: ids.bleikerfaret, tradeKey: 'barne-og-ungdomsarbeiderfaget' });
    expect(saved).toMatchObject({ holder: 'Bleikerfaret barnehage', status: 'filled', trade: { nb: 'Barne- og ungdomsarbeiderfaget' } });
    const before = (await listPlaces(hr(), deps, { limit: 1 })).total;
    const twice = await appError(createPlace(hr(), deps, { ...place, unitId: ids.hvalstad }));
    expect(twice.details).toEqual([{ field: 'contractRef', message: 'Kontrakten OKA-2026-7781 er allerede registrert (2026-08-17); en plass telles bare én gang' }]);
    const backwards = await appError(createPlace(hr(), deps, { ...place, unitId: ids.hvalstad, contractRef: 'OKA-2026-7782', endDate: '2026-06-01' }));
    expect(backwards.details.map((d) => d.field)).toEqual(['endDate']);
    const fnr = await appError(createPlace(hr(), deps, { ...place, unitId: ids.hvalstad, contractRef: '15058912345' }));
    expect(fnr.details[0]!.field).toBe('contractRef');
    expect((await appError(createPlace(manager(ids.bleikerfaret), deps, { ...place, unitId: ids.hvalstad, contractRef: 'OKA-1' }))).code).toBe('forbidden');
    expect((await listPlaces(hr(), deps, { limit: 1 })).total).toBe(before);
    // A business user registers for their own business, and sees only its places.
    await createPlace(business(ids.hotel), deps, { ...place, organisationId: ids.hotel, tradeKey: 'kokkfaget', contractRef: 'OKA-2026-9001' });
    const own = await listPlaces(business(ids.hotel), deps, {});
    expect(own.items.map((p) => p.holder)).toEqual(['Holmsbu Fjordhotell AS']);
    expect((await appError(createPlace(business(ids.hotel), deps, { ...place, organisationId: ids.solcelle, contractRef: 'OKA-2' }))).code).toBe('forbidden');
  });

  it('moves a place forward only, and needs the date an apprenticeship was dropped', async () => {
    const p = await createPlace(hr(), deps, { ...place, unitId: ids.hvalstad, status: 'open', contractRef: null });
    expect((await appError(updatePlace(hr(), deps, p.id, { status: 'completed' }))).details[0]).toMatchObject({ field: 'status', message: 'En ledig plass kan ikke bli fullført' });
    const filled = await updatePlace(hr(), deps, p.id, { status: 'filled', contractRef: 'OKA-2026-5555' });
    expect(filled.status).toBe('filled');
    expect((await appError(updatePlace(hr(), deps, p.id, { status: 'dropped_out' }))).details[0]!.field).toBe('closedOn');
    const dropped = await updatePlace(hr(), deps, p.id, { status: 'dropped_out', closedOn: '2026-11-01' });
    expect(dropped).toMatchObject({ status: 'dropped_out', closedOn: '2026-11-01' });
    expect((await appError(updatePlace(hr(), deps, p.id, { status: 'filled' }))).code).toBe('validation');
    const active = await listPlaces(hr(), deps, { activeOn: '2026-11-15', unitId: ids.hvalstad });
    expect(active.items.some((x) => x.id === p.id)).toBe(false);
    const audits = await env.deps.db.selectFrom('audit_log').select('summary').where('entity_id', '=', p.id).orderBy('id').execute();
    expect(audits.map((a) => a.summary)).toEqual(['Læreplass i Helsearbeiderfaget hos Hvalstad skole (ledig)', 'Læreplass ledig → besatt', 'Læreplass besatt → avbrutt']);
  });
});
