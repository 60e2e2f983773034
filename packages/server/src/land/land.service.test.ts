import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, systemCtx, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { LAND_PUBLISHERS } from './land.publishers.js';
import { registerPublishers } from '../publishers.js';
import { publisherFor } from '../program/program.publishers.js';
import { callRanking, createApplication, createCall, createPlot, decideCall, getCall, listApplications, listCalls, listDecisions, listPlots, overview, updatePlot } from './land.service.js';

const NOW = new Date('2026-11-27T10:00:00Z');

/**
 * A data folder with Asker's base demo (units, organisations, users, the program) and the land
 * demo only: the other domains' demo steps find no file and skip, so this test does not wait for
 * (or break with) theirs.
 */
function landOnlyDataDir(): string {
  const real = path.resolve(import.meta.dirname, '../../../../data');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'land-data-'));
  for (const d of ['reference', 'programs']) fs.symlinkSync(path.join(real, d), path.join(dir, d));
  fs.mkdirSync(path.join(dir, 'demo', 'asker'), { recursive: true });
  for (const f of ['municipality.json', 'units.json', 'organisations.json', 'users.json', 'indicator-values.csv', 'land.json']) fs.copyFileSync(path.join(real, 'demo', 'asker', f), path.join(dir, 'demo', 'asker', f));
  return dir;
}
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
const fields = (e: AppError) => e.details.map((d) => d.field);

describe.each(ENGINES)('business-land services on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  const org = { nesbru: '', solcelle: '', snekker: '', hotel: '', riving: '' };
  let openCallId = '';
  const user = (over: Partial<UserActor>): Ctx => ({ ...ctx, actor: { kind: 'user', userId: `u-${over.role}`, municipalityId: ctx.scope.municipalityId, name: 'Test', email: 't@asker.example', role: 'editor', domains: [], unitScope: [], unitId: null, organisationId: null, ...over } as UserActor });
  const editor = () => user({ role: 'editor', domains: ['land'] });
  const otherEditor = () => user({ role: 'editor', domains: ['agriculture'] });
  const business = (orgId: string) => user({ role: 'business', organisationId: orgId });
  const counts = async () => Object.fromEntries(await Promise.all(['land_plot', 'land_call', 'land_application', 'land_decision', 'audit_log'].map(async (t) => [t, Number((await env.deps.db.selectFrom(t as 'land_plot').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)])));
  const app = { expectedJobs: 30, buildingM2: 2000, activity: 'Verksted for reparasjon av elsykler', sn2007Code: '95.290', certification: null, greenScore: 80, trafficPerDay: 30 };

  beforeAll(async () => {
    env = await createTestEnv(engine, { DATA_DIR: landOnlyDataDir() }, () => NOW);
    await seedDemo(env.deps, 'asker');
    ctx = await systemCtx(env.deps, 'asker', () => NOW);
    const orgs = organisationsRepository(ctx.scope);
    org.nesbru = (await orgs.organisationByNumber('942363710'))!.id;
    org.solcelle = (await orgs.organisationByNumber('972212296'))!.id;
    org.snekker = (await orgs.organisationByNumber('984023316'))!.id;
    org.hotel = (await orgs.organisationByNumber('939375635'))!.id;
    org.riving = (await orgs.organisationByNumber('953249596'))!.id;
    openCallId = (await listCalls(editor(), { status: 'open' })).items[0]!.id;
  }, 900_000);
  afterAll(() => env?.close());

  it('loads the demo: eight plots, six calls, one open with four applicants', async () => {
    const plots = await listPlots(editor(), {});
    expect(plots.total).toBe(8);
    expect(plots.summary.byStatus).toMatchObject({ available: 2, in_call: 1, sold: 2, leased: 3 });
    const calls = await listCalls(editor(), {});
    expect(calls.total).toBe(6);
    const open = calls.items.filter((c) => c.status === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ applications: 4, acceptsApplications: true, normalisation: 'max' });
    expect(open[0]!.deadline > TODAY).toBe(true);
  });

  it('ranks the open call: the green job-intensive company first, the warehouse with few jobs per m² last, every step shown', async () => {
    const r = await callRanking(editor(), openCallId);
    expect(r.ranking.map((x) => x.organisation)).toEqual(['Solcellemontasje Heggedal AS', expect.any(String), expect.any(String), 'Nesbru Logistikk AS']);
    const warehouse = r.ranking.at(-1)!;
    expect(warehouse.jobsPerM2).toBeCloseTo(18 / 14000, 12);
    const step = warehouse.steps.find((s) => s.criterion === 'jobsPerM2')!;
    expect(step).toMatchObject({ raw: 18 / 14000, weight: 50 });
    expect(step.normalised).toBeCloseTo(18 / 60, 9); // v / max of jobs per m² (same plot: jobs / max jobs)
    expect(step.points).toBeCloseTo(50 * (18 / 60), 9);
    const traffic = warehouse.steps.find((s) => s.criterion === 'trafficPerDay')!;
    expect(traffic.normalised).toBeCloseTo(40 / 400, 9); // min / v
    expect(warehouse.score).toBeCloseTo(warehouse.steps.reduce((s, x) => s + x.points, 0), 9);
    expect(r.bounds.find((b) => b.criterion === 'trafficPerDay')).toEqual({ criterion: 'trafficPerDay', min: 40, max: 400 });
    expect(r.formulas).toMatchObject({ higher: 'v / max', lower: 'min / v' });
    expect(r.sensitivity.leader).toBe('Solcellemontasje Heggedal AS');
    expect(r.sensitivity.criteria.map((c) => c.criterion)).toEqual(['jobsPerM2', 'green', 'certified', 'trafficPerDay']);
    for (const c of r.sensitivity.criteria) expect(c.stableFrom <= c.weight && c.weight <= c.stableTo).toBe(true);
    // Raising the green weight far enough hands the lead to a greener applicant.
    expect(r.sensitivity.criteria.find((c) => c.criterion === 'green')!.above?.newLeader).toBe('Kretsløp Biogass AS');
  });

  it('publishes jobs per 1 000 m² and the green share from the allocations, by year', async () => {
    const by = Object.fromEntries(LAND_PUBLISHERS.map((p) => [p.metric, p]));
    const jobs = await by.jobs_per_1000_m2_municipal_land!.compute(ctx, TODAY);
    expect(jobs.map((o) => [o.period, o.value])).toEqual([['2022', 8.6], ['2023', 9.1], ['2024', 7.7], ['2025', 8.6]]);
    const green = await by.green_share_of_allocated_area!.compute(ctx, TODAY);
    expect(green.map((o) => [o.period, o.value])).toEqual([['2022', 0], ['2023', 100], ['2024', 38], ['2025', 100]]);
    expect((await by.green_share_of_allocated_area!.compute(ctx, '2024-06-30')).map((o) => o.period)).toEqual(['2022', '2023']);
    expect((await overview(editor())).allocations).toBe(5);
    // The program's B3 indicators are computed from this domain now, and their publishers are registered.
    const inds = await ctx.scope.selectFrom('indicator').select(['key', 'source_kind', 'source_domain', 'source_metric']).where('key', 'in', ['b3-jobs-per-1000m2', 'b3-green-share-allocated']).orderBy('key').execute();
    expect(inds).toEqual([
      { key: 'b3-green-share-allocated', source_kind: 'computed', source_domain: 'land', source_metric: 'green_share_of_allocated_area' },
      { key: 'b3-jobs-per-1000m2', source_kind: 'computed', source_domain: 'land', source_metric: 'jobs_per_1000_m2_municipal_land' },
    ]);
    registerPublishers();
    for (const i of inds) expect(publisherFor(i.source_domain, i.source_metric)?.domain).toBe('land');
    const entered = await ctx.scope.selectFrom('indicator_value').innerJoin('indicator', 'indicator.id', 'indicator_value.indicator_id').select('indicator.key').where('indicator.key', 'in', ['b3-jobs-per-1000m2', 'b3-green-share-allocated']).execute();
    expect(entered).toEqual([]);
  });

  it('refuses bad input with messages naming the field, and saves nothing', async () => {
    const before = await counts();
    const plot = { name: 'Testtomt', areaM2: 0, zoningPlanId: 'T-1', lat: 59.8, lon: 10.45 };
    expect(fields(await appError(createPlot(editor(), plot)))).toEqual(['areaM2']);
    expect(fields(await appError(createPlot(editor(), { ...plot, areaM2: -10, polygon: { type: 'Polygon', coordinates: [[[10, 59], [10.1, 59], [10.1, 59.1]]] } })))).toEqual(['areaM2', 'polygon']);
    expect((await appError(createPlot(editor(), { ...plot, areaM2: 5000, name: 'Vollen, Bjerkås næringstomt' }))).details[0]!.message).toContain('finnes allerede');
    const e = await appError(createApplication(editor(), openCallId, { ...app, organisationId: org.hotel, buildingM2: 15000 }));
    expect(e.details).toEqual([{ field: 'buildingM2', message: 'Bygningsarealet (15000 m²) er større enn tomten (14000 m²)' }]);
    const vollen = (await listPlots(editor(), { status: 'available' })).items.find((p) => p.name.startsWith('Vollen'))!;
    const w = await appError(createCall(editor(), { plotId: vollen.id, title: 'Feil vekter', normalisation: 'max', criteria: [{ id: 'jobsPerM2', weight: 60 }, { id: 'green', weight: 30 }], opensOn: TODAY, deadline: '2027-01-31' }));
    expect(w.details).toEqual([{ field: 'criteria', message: 'Vektene må summere til 100 (nå 90)' }]);
    expect(fields(await appError(createCall(editor(), { plotId: vollen.id, title: 'x', normalisation: 'zscore', criteria: [{ id: 'parking', weight: 100 }], opensOn: TODAY, deadline: '2026-01-01' })))).toEqual(['normalisation', 'criteria.0.id', 'deadline']);
    expect(fields(await appError(createApplication(editor(), openCallId, { ...app, organisationId: org.nesbru })))).toEqual(['organisationId']); // already applied
    expect(fields(await appError(updatePlot(editor(), vollen.id, { areaM2: 0 })))).toEqual(['areaM2']);
    expect(await counts()).toEqual(before);
  });

  it('lets only land editors change plots and calls; a business applies for itself, while the call is open', async () => {
    const before = await counts();
    const vollen = (await listPlots(editor(), { status: 'available' })).items.find((p) => p.name.startsWith('Vollen'))!;
    expect((await appError(createPlot(otherEditor(), { name: 'X', areaM2: 100, zoningPlanId: 'x', lat: 59.8, lon: 10.4 }))).code).toBe('forbidden');
    expect((await appError(updatePlot(business(org.hotel), vollen.id, { note: 'x' }))).code).toBe('forbidden');
    expect((await appError(createApplication(business(org.hotel), openCallId, { ...app, organisationId: org.snekker }))).code).toBe('forbidden');
    expect((await appError(callRanking(business(org.hotel), openCallId))).code).toBe('forbidden');
    expect((await appError(decideCall(otherEditor(), openCallId, { applicationId: null, outcome: 'none', decidedOn: TODAY, reason: 'Ingen tildeling i test' }))).code).toBe('forbidden');
    expect(await counts()).toEqual(before);
    const mine = await createApplication(business(org.hotel), openCallId, { ...app, organisationId: org.hotel, certification: ' ' });
    expect(mine).toMatchObject({ organisation: 'Holmsbu Fjordhotell AS', certification: null, jobsPerM2: 30 / 14000, green: true });
    const own = await listApplications(business(org.hotel), {});
    expect(own.items.map((a) => a.organisationId)).toEqual([org.hotel]);
    expect((await listApplications(editor(), { callId: openCallId })).total).toBe(5);
    expect((await getCall(business(org.hotel), openCallId)).applications).toBe(5);
    const after = await counts();
    expect(after.land_application).toBe(before.land_application + 1);
    expect(after.audit_log).toBe(before.audit_log + 1);
  });

  it('opens a call, takes applications, records the decision in the log with its reason; the plot follows', async () => {
    const heggedal = (await listPlots(editor(), { status: 'available' })).items.find((p) => p.name.startsWith('Heggedal'))!;
    const call = await createCall(editor(), { plotId: heggedal.id, title: 'Feste av Bødalen', normalisation: 'minmax', criteria: [{ id: 'jobsPerM2', weight: 60 }, { id: 'trafficPerDay', weight: 40 }], opensOn: '2026-11-01', deadline: '2026-11-20' });
    expect((await listPlots(editor(), { status: 'in_call' })).items.map((p) => p.id)).toContain(heggedal.id);
    // Past the deadline: a business can no longer apply; an editor may still enter a paper application.
    expect(fields(await appError(createApplication(business(org.riving), call.id, { ...app, organisationId: org.riving })))).toEqual(['callId']);
    const a = await createApplication(editor(), call.id, { ...app, organisationId: org.riving, expectedJobs: 50 });
    const b = await createApplication(editor(), call.id, { ...app, organisationId: org.nesbru, expectedJobs: 10, trafficPerDay: 300, greenScore: 10 });
    const r = await callRanking(editor(), call.id);
    expect(r.ranking.map((x) => [x.id, x.score])).toEqual([[a.id, 100], [b.id, 0]]);
    expect(fields(await appError(decideCall(editor(), call.id, { applicationId: a.id, outcome: 'leased', decidedOn: TODAY, reason: 'kort' })))).toEqual(['reason']);
    expect(fields(await appError(decideCall(editor(), call.id, { applicationId: null, outcome: 'leased', decidedOn: '2027-01-01', reason: 'Begrunnelse som er lang nok' })))).toEqual(['applicationId', 'decidedOn']);
    const d = await decideCall(editor(), call.id, { applicationId: b.id, outcome: 'leased', decidedOn: TODAY, reason: 'Test av avvik fra rangeringen', caseNumber: '26/123' });
    expect(d).toMatchObject({ outcome: 'leased', applicant: 'Nesbru Logistikk AS', deviatesFromRanking: true, plot: heggedal.name });
    expect(d.ranking.map((x) => x.rank)).toEqual([1, 2]);
    expect(fields(await appError(decideCall(editor(), call.id, { applicationId: a.id, outcome: 'leased', decidedOn: TODAY, reason: 'En gang til, for sikkerhets skyld' })))).toEqual(['callId']);
    expect(fields(await appError(createApplication(editor(), call.id, { ...app, organisationId: org.snekker })))).toEqual(['callId']);
    expect((await listPlots(editor(), { status: 'leased' })).items.map((p) => p.id)).toContain(heggedal.id);
    const log = await listDecisions(business(org.hotel), { limit: 2 });
    expect(log.total).toBe(6);
    expect(log.items[0]).toMatchObject({ id: d.id, reason: 'Test av avvik fra rangeringen', deviatesFromRanking: true });
    const audit = await env.deps.db.selectFrom('audit_log').select(['entity_type', 'summary']).where('entity_id', '=', d.id).execute();
    expect(audit).toEqual([{ entity_type: 'land_decision', summary: expect.stringContaining('ikke førstevalg') }]);
  });
});
