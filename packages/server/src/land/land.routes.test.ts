import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/databases.js';
import { startTestApp, type TestApp, type TestSession } from '../testing/http.js';

// The business-land API over HTTP: who may call what (401 without a session, 403 for the wrong
// role, never data), business users see only their own applications, bad input is 400 with the
// field named and nothing saved.

/** Asker's base demo and the land demo only (the other domains' demo steps find no file and skip). */
function landOnlyDataDir(): string {
  const real = path.resolve(import.meta.dirname, '../../../../data');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'land-http-data-'));
  for (const d of ['reference', 'programs']) fs.symlinkSync(path.join(real, d), path.join(dir, d));
  fs.mkdirSync(path.join(dir, 'demo', 'asker'), { recursive: true });
  for (const f of ['municipality.json', 'units.json', 'organisations.json', 'users.json', 'indicator-values.csv', 'land.json']) fs.copyFileSync(path.join(real, 'demo', 'asker', f), path.join(dir, 'demo', 'asker', f));
  return dir;
}

describe.each(ENGINES)('business-land API (%s)', (engine) => {
  let t: TestApp;
  let editor: TestSession;
  let business: TestSession;
  let manager: TestSession;
  let other: TestSession;
  let callId = '';
  let plotId = '';

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { DATA_DIR: landOnlyDataDir() } });
    editor = await t.login('sindre.taraldsrud@asker.example');
    business = await t.login('vibeke@holmsbu-fjordhotell.example');
    manager = await t.login('eirik.hovdenak@asker.example');
    other = await t.login('ingeborg.lundestad@asker.example');
    const calls = (await t.app.inject({ url: '/api/land/land-calls?status=open', headers: editor.headers() })).json();
    callId = calls.items[0].id;
    plotId = calls.items[0].plotId;
  }, 300_000);
  afterAll(() => t?.close());

  const get = (s: TestSession | null, url: string) => t.app.inject({ url, headers: s ? s.headers() : {} });
  const send = (s: TestSession | null, method: 'POST' | 'PATCH', url: string, payload: object) => t.app.inject({ method, url, headers: s ? s.headers() : {}, payload });
  const count = async (table: 'land_plot' | 'land_call' | 'land_application' | 'land_decision') => Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('answers 401 without a session on every land route, with no data', async () => {
    const urls = ['/api/land/options', '/api/land/plots', '/api/land/map', `/api/land/plots/${plotId}`, '/api/land/land-calls', `/api/land/land-calls/${callId}`, `/api/land/land-calls/${callId}/ranking`, '/api/land/land-applications', '/api/land/decisions', '/api/land/overview'];
    for (const url of urls) {
      const res = await get(null, url);
      expect(res.statusCode, url).toBe(401);
      expect(res.body).not.toContain('Nesbru');
    }
    expect((await send(null, 'POST', '/api/land/plots', { name: 'x', areaM2: 1, zoningPlanId: 'x', lat: 59.8, lon: 10.4 })).statusCode).toBe(401);
  });

  it('lets everyone signed in see plots, calls, the map and the log; the ranking only staff', async () => {
    for (const s of [business, manager, other, editor]) {
      expect((await get(s, '/api/land/plots')).json().total).toBe(8);
      expect((await get(s, `/api/land/land-calls/${callId}`)).statusCode).toBe(200);
      expect((await get(s, '/api/land/decisions')).json().total).toBe(5);
    }
    const map = (await get(business, '/api/land/map')).json();
    expect(map.plots).toHaveLength(8);
    expect(map.boundary?.length).toBeGreaterThan(0);
    const denied = await get(business, `/api/land/land-calls/${callId}/ranking`);
    expect(denied.statusCode).toBe(403);
    expect(denied.body).not.toContain('Nesbru');
    const ranking = (await get(manager, `/api/land/land-calls/${callId}/ranking`)).json();
    expect(ranking.ranking.at(-1).organisation).toBe('Nesbru Logistikk AS');
    expect(ranking.ranking[0].steps.map((s: { criterion: string }) => s.criterion)).toEqual(['jobsPerM2', 'green', 'certified', 'trafficPerDay']);
  });

  it('refuses writes to everyone but land editors (and a business applying for someone else)', async () => {
    const before = await Promise.all([count('land_plot'), count('land_call'), count('land_application'), count('land_decision')]);
    const plot = { name: 'Forbudt tomt', areaM2: 1000, zoningPlanId: 'X', lat: 59.8, lon: 10.45 };
    for (const s of [business, manager, other]) {
      expect((await send(s, 'POST', '/api/land/plots', plot)).statusCode).toBe(403);
      expect((await send(s, 'PATCH', `/api/land/plots/${plotId}`, { note: 'x' })).statusCode).toBe(403);
      expect((await send(s, 'PATCH', `/api/land/land-calls/${callId}`, { title: 'x' })).statusCode).toBe(403);
      expect((await send(s, 'POST', `/api/land/land-calls/${callId}/decision`, { outcome: 'none', decidedOn: '2026-01-01', reason: 'Ikke lov å avgjøre' })).statusCode).toBe(403);
    }
    const someoneElse = (await get(editor, `/api/land/land-calls/${callId}/ranking`)).json().ranking[0].organisationId;
    expect((await send(business, 'POST', `/api/land/land-calls/${callId}/applications`, { organisationId: someoneElse, expectedJobs: 1, buildingM2: 100, activity: 'x', sn2007Code: '55.101', greenScore: 1, trafficPerDay: 1 })).statusCode).toBe(403);
    expect(await Promise.all([count('land_plot'), count('land_call'), count('land_application'), count('land_decision')])).toEqual(before);
  });

  it('answers bad input with 400 naming the field, and saves nothing', async () => {
    const before = await Promise.all([count('land_plot'), count('land_call'), count('land_application')]);
    const zero = await send(editor, 'POST', '/api/land/plots', { name: 'Null', areaM2: 0, zoningPlanId: 'X', lat: 59.8, lon: 10.45 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().details).toEqual([{ field: 'areaM2', message: 'Arealet må være større enn 0 m²' }]);
    const vollen = (await get(editor, '/api/land/plots?status=available')).json().items[0].id;
    const weights = await send(editor, 'POST', '/api/land/land-calls', { plotId: vollen, title: 'x', normalisation: 'max', criteria: [{ id: 'jobsPerM2', weight: 50 }, { id: 'green', weight: 20 }], opensOn: '2026-11-01', deadline: '2027-01-01' });
    expect(weights.statusCode).toBe(400);
    expect(weights.json().details).toEqual([{ field: 'criteria', message: 'Vektene må summere til 100 (nå 70)' }]);
    const own = business.user.organisationId!;
    const big = await send(business, 'POST', `/api/land/land-calls/${callId}/applications`, { organisationId: own, expectedJobs: 10, buildingM2: 99999, activity: 'Vaskeri', sn2007Code: '96.010', greenScore: 30, trafficPerDay: 10 });
    expect(big.statusCode).toBe(400);
    expect(big.json().details).toEqual([{ field: 'buildingM2', message: 'Bygningsarealet (99999 m²) er større enn tomten (14000 m²)' }]);
    expect(await Promise.all([count('land_plot'), count('land_call'), count('land_application')])).toEqual(before);
  });

  it('lets a business user apply for itself and list only its own applications', async () => {
    const own = business.user.organisationId!;
    const res = await send(business, 'POST', `/api/land/land-calls/${callId}/applications`, { organisationId: own, expectedJobs: 10, buildingM2: 900, activity: 'Vaskeri', sn2007Code: '96.010', greenScore: 30, trafficPerDay: 10 });
    expect(res.statusCode, res.body).toBe(201);
    const mine = (await get(business, '/api/land/land-applications')).json();
    expect(mine.items.map((a: { organisationId: string }) => a.organisationId)).toEqual([own]);
    expect((await get(editor, `/api/land/land-applications?callId=${callId}`)).json().total).toBe(5);
  });
});
