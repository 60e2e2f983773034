import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { averageFootprintKg, evaluateFootprint, MIN_GROUP, PLEDGE_ACTIONS, type UserActor } from '@omstilling/core';
import fs from 'node:fs';
import path from 'node:path';
import { ENGINES, systemCtx } from '../testing/databases.js';
import { run } from '../cli/main.js';
import { call, startTestApp, type TestApp } from '../testing/http.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { footprintRepository } from './footprint.repository.js';
import { listDistricts, pledge, shareResult, tally, upsertDistricts } from './footprint.service.js';
import { FOOTPRINT_PUBLISHERS } from './footprint.publishers.js';

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(ENGINES)('footprint on %s', (engine) => {
  let t: TestApp;
  let ctx: Ctx;
  let anon: Ctx;
  const P = '/api/public/footprint';
  const count = async (table: 'fp_submission' | 'fp_pledge') => Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let address = 0;
  const from = () => `10.77.${Math.floor(++address / 250)}.${address % 250}`;

  beforeAll(async () => {
    t = await startTestApp(engine);
    ctx = await systemCtx(t.deps, 'asker');
    anon = { ...ctx, actor: { kind: 'anonymous', municipalityId: ctx.scope.municipalityId } };
  });
  afterAll(async () => t?.close());

  it('seeds the demo districts and anonymous results and pledges once (idempotent)', async () => {
    const districts = await listDistricts(anon);
    expect(districts.map((d) => d.key)).toContain('heggedal');
    const n = await count('fp_submission');
    expect(n).toBeGreaterThan(500);
    expect(await count('fp_pledge')).toBeGreaterThan(200);
    expect(await upsertDistricts(ctx, districts)).toEqual({ created: 0, updated: 0 });
    expect(await count('fp_submission')).toBe(n);
  });

  it('stores a shared result with only the answers given, the figures and the district, and audits it anonymously', async () => {
    const answers = { 'transport.car_km': 12000, 'food.diet': 'vegetarian' };
    const r = await shareResult(anon, { answers, district: 'heggedal' });
    expect(r.totalKg).toBeCloseTo(evaluateFootprint(answers).totalKg, 0);
    const row = await t.deps.db.selectFrom('fp_submission').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.answers)).toEqual(answers);
    expect(row.district_key).toBe('heggedal');
    expect(Object.keys(row)).toEqual(expect.arrayContaining(['id', 'municipality_id', 'district_key', 'answers', 'total_kg', 'categories', 'created_at']));
    expect(Object.keys(row)).toHaveLength(7);
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', r.id).executeTakeFirstOrThrow();
    expect(audit.actor_label).toBe('anonym');
    expect(audit.actor_id).toBeNull();
  });

  it('refuses bad answers, unknown districts and unknown or repeated actions, and writes nothing', async () => {
    const before = [await count('fp_submission'), await count('fp_pledge')];
    const e = await appError(shareResult(anon, { answers: { 'transport.car_km': -5, 'housing.area_m2': 2000 } }));
    expect(e.code).toBe('validation');
    expect(e.details.map((d) => d.field)).toEqual(['answers.transport.car_km', 'answers.housing.area_m2']);
    expect(e.details[0]!.message).toContain('negativt');
    expect((await appError(shareResult(anon, { answers: {}, district: 'atlantis' }))).details[0]!.message).toContain('Ingen bydel');
    expect((await appError(pledge(anon, { actions: ['fly_less', 'fly_less'] }))).details[0]!.message).toContain('bare loves én gang');
    expect((await appError(pledge(anon, { actions: ['teleport'] }))).details[0]!.message).toContain('Ukjent tiltak');
    expect((await appError(pledge(anon, { actions: [] }))).details[0]!.message).toContain('minst ett');
    expect([await count('fp_submission'), await count('fp_pledge')]).toEqual(before);
  });

  it('saves pledges with savings from the model for the answers given', async () => {
    const p = await pledge(anon, { actions: ['fly_less', 'keep_phone_longer'], answers: { 'transport.flights_long': 2 }, district: 'vollen' });
    expect(p.pledged.map((x) => x.action)).toEqual(['fly_less', 'keep_phone_longer']);
    // Half of: 2 long-haul + default domestic and Europe trips.
    expect(p.pledged[0]!.savingKg).toBeCloseTo((2 * 2100 + 1.5 * 225 + 0.8 * 512) / 2, 0);
    const avg = await pledge(anon, { actions: ['plant_based_days'] });
    expect(avg.pledged[0]!.savingKg).toBeGreaterThan(100);
    expect(avg.district).toBeNull();
  });

  it('tallies per action and district and hides small groups', async () => {
    const v = await tally(anon);
    expect(v.results).toBe(await count('fp_submission'));
    expect(v.pledges).toBe(await count('fp_pledge'));
    expect(v.byAction.map((a) => a.action)).toEqual(PLEDGE_ACTIONS.map((a) => a.id));
    expect(v.averageKg).toBeGreaterThan(averageFootprintKg() * 0.6);
    expect(v.averageKg).toBeLessThan(averageFootprintKg() * 1.4);
    for (const d of v.byDistrict) expect(d.averageKg === null).toBe(d.results < MIN_GROUP);
    expect(v.districts.length).toBe(v.byDistrict.length - 1);
  });

  it('only footprint editors and admins manage districts', async () => {
    const editor = (domains: string[]): Ctx => ({ ...ctx, actor: { kind: 'user', userId: 'u', municipalityId: ctx.scope.municipalityId, name: 'E', email: 'e@x', role: 'editor', domains, unitScope: [], unitId: null, organisationId: null } as UserActor });
    expect((await appError(upsertDistricts(editor(['foodwaste']), [{ key: 'ny', name: 'Ny' }]))).code).toBe('forbidden');
    expect((await appError(upsertDistricts(anon, [{ key: 'ny', name: 'Ny' }]))).code).toBe('forbidden');
    expect((await appError(upsertDistricts(ctx, [{ key: 'Ugyldig Nøkkel', name: 'x' }]))).code).toBe('validation');
    expect(await upsertDistricts(editor(['footprint']), [...(await listDistricts(anon)), { key: 'test-bydel', name: 'Testbydel' }])).toEqual({ created: 1, updated: 0 });
  });

  it('lists and adds districts from the command line (omstilling footprint districts)', async () => {
    if (engine !== 'sqlite') return; // the CLI test needs the database as a file; the service is tested on both above
    const cfg = t.env.config;
    const cliEnv = { DATABASE_URL: `sqlite:${(cfg.database as { file: string }).file}`, DATA_DIR: cfg.dataDir, STORAGE_DIR: cfg.storageDir, LOG_LEVEL: 'silent' };
    const lines: string[] = [];
    const io = { out: (x: string) => lines.push(x), err: (x: string) => lines.push(x) };
    const file = path.join(path.dirname(cfg.storageDir), 'bydeler.json');
    fs.writeFileSync(file, JSON.stringify([...(await listDistricts(anon)), { key: 'spikkestad', name: 'Spikkestad' }]));
    expect(await run(['footprint', 'districts', file, '--json'], cliEnv, io), lines.join('\n')).toBe(0);
    expect(lines.join('\n')).toContain('1 nye');
    expect((await listDistricts(anon)).map((d) => d.key)).toContain('spikkestad');
    fs.writeFileSync(file, JSON.stringify([{ key: 'Ugyldig', name: '' }]));
    expect(await run(['footprint', 'districts', file], cliEnv, io)).toBe(1);
  });

  it('publishes C1 figures by quarter: average of shared results, results shared and pledges (cumulative)', async () => {
    const by = Object.fromEntries(FOOTPRINT_PUBLISHERS.map((p) => [p.metric, p]));
    const avg = await by.calculator_average_t!.compute(ctx, '2026-10-15');
    expect(avg.map((o) => o.period)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    for (const o of avg) {
      expect(o.value).toBeGreaterThan(5);
      expect(o.value).toBeLessThan(14);
    }
    const shared = await by.calculator_results_shared!.compute(ctx, '2026-10-15');
    expect(shared.map((o) => o.value)).toEqual([40, 130, 270, 390, 550, 730]);
    const pledges = await by.pledges!.compute(ctx, '2026-10-15');
    for (let i = 1; i < pledges.length; i++) expect(pledges[i]!.value).toBeGreaterThanOrEqual(pledges[i - 1]!.value);
    expect(pledges.at(-1)!.note).toContain('fly halvparten så mye');
    // Nothing before the first shared result.
    expect(await by.calculator_results_shared!.compute(ctx, '2025-03-01')).toEqual([]);
  });

  it('serves the public API without login: districts, tally, sharing and pledging; bad input 400; bursts 429', async () => {
    const d = await call(t.app, 'GET', `${P}/districts`);
    expect(d.statusCode).toBe(200);
    expect(d.json().length).toBeGreaterThanOrEqual(8);
    const tl = await call(t.app, 'GET', `${P}/tally`);
    expect(tl.statusCode).toBe(200);
    expect(tl.json().byAction).toHaveLength(PLEDGE_ACTIONS.length);
    const ok = await t.app.inject({ method: 'POST', url: `${P}/results`, remoteAddress: from(), payload: { answers: { 'food.diet': 'vegan' }, district: 'royken' } });
    expect(ok.statusCode, ok.body).toBe(201);
    const bad = await t.app.inject({ method: 'POST', url: `${P}/results`, remoteAddress: from(), payload: { answers: { 'housing.area_m2': 2000 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ field: 'answers.housing.area_m2' });
    expect(bad.json().details[0].message).toContain('mellom 10 og 1 000 m²');
    const pl = await t.app.inject({ method: 'POST', url: `${P}/pledges`, remoteAddress: from(), payload: { actions: ['repair_reuse', 'car_to_transit'], district: 'royken' } });
    expect(pl.statusCode, pl.body).toBe(201);
    // A signed-in user who shares is still anonymous: no user id in the audit log.
    const s = await t.login('marit.kjosvold@asker.example');
    const mine = await t.app.inject({ method: 'POST', url: `${P}/results`, headers: s.headers(), remoteAddress: from(), payload: { answers: {} } });
    expect(mine.statusCode, mine.body).toBe(201);
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', mine.json().id).executeTakeFirstOrThrow();
    expect([audit.actor_id, audit.actor_label]).toEqual([null, 'anonym']);
    // A burst from one address: the first 10 in a minute pass, the rest get 429 and are not stored.
    const burst = from();
    const before = await count('fp_submission');
    const codes: number[] = [];
    for (let i = 0; i < 14; i++) codes.push((await t.app.inject({ method: 'POST', url: `${P}/results`, remoteAddress: burst, payload: { answers: {} } })).statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.slice(10)).toEqual([429, 429, 429, 429]);
    expect(await count('fp_submission')).toBe(before + 10);
    expect((await footprintRepository(ctx.scope).districts()).length).toBeGreaterThan(0);
  });

  it('shows the computed C1 indicators in the program', async () => {
    const programs = (await call(t.app, 'GET', '/api/public/programs')).json() as { id: string }[];
    // The internal view (signed in): it reads every domain's publishers, as the public view does.
    const admin = await t.login('admin@asker.example');
    const res = await call(t.app, 'GET', `/api/programs/${programs[0]!.id}`, admin.headers());
    expect(res.statusCode).toBe(200);
    const text = res.body;
    for (const key of ['c1-calculator-average-footprint', 'c1-calculator-results-shared', 'c1-footprint-pledges']) expect(text).toContain(key);
    const ind = JSON.stringify(res.json()).match(/"key":"c1-calculator-results-shared".{0,4000}/)![0];
    expect(ind).toMatch(/"latestValue":\d{3}/);
    expect(ind).toContain('"source":"computed","domain":"footprint"');
  });
});
