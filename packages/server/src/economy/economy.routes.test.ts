import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/databases.js';
import { call, multipartBody, startTestApp, type TestApp, type TestSession } from '../testing/http.js';

const EDITOR = 'tonje.brekkestad@asker.example'; // editor: program, organisations, economy
const OTHER_EDITOR = 'marit.kjosvold@asker.example'; // editor: foodwaste
const MANAGER = 'eirik.hovdenak@asker.example'; // unit manager
const BUSINESS = 'vibeke@holmsbu-fjordhotell.example';

describe.each(ENGINES)('economy HTTP API (%s)', (engine) => {
  let t: TestApp;
  let editor: TestSession;
  let other: TestSession;
  let manager: TestSession;
  let business: TestSession;
  const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

  beforeAll(async () => {
    t = await startTestApp(engine);
    [editor, other, manager, business] = (await Promise.all([EDITOR, OTHER_EDITOR, MANAGER, BUSINESS].map((e) => t.login(e)))) as [TestSession, TestSession, TestSession, TestSession];
  }, 900_000);
  afterAll(() => t?.close());

  it('shows staff the figures, the map and the rules; a business user gets 403 and no data', async () => {
    const o = await call(t.app, 'GET', '/api/economy/overview', manager.headers());
    expect(o.statusCode, o.body).toBe(200);
    expect(o.json()).toMatchObject({ canEdit: false, snapshot: { date: '2025-12-31', fictional: true } });
    expect((await call(t.app, 'GET', '/api/economy/overview', editor.headers())).json().canEdit).toBe(true);
    const map = (await call(t.app, 'GET', '/api/economy/map', manager.headers())).json();
    expect(map.boundary.length).toBeGreaterThan(0);
    expect(map.points.length).toBeGreaterThan(100);
    for (const url of ['/api/economy/overview', '/api/economy/map', '/api/economy/rules', '/api/economy/establishments', '/api/economy/export']) {
      const res = await call(t.app, 'GET', url, business.headers());
      expect(res.statusCode, url).toBe(403);
      expect(Object.keys(res.json()).sort()).toEqual(['code', 'details', 'message']);
    }
  });

  it('refuses rule changes from a business user, a unit manager and another domain’s editor (403), and accepts them from an economy editor', async () => {
    const rules = (await call(t.app, 'GET', '/api/economy/rules', editor.headers())).json().versions[0].ruleSet.rules;
    const body = { validFrom: today(), note: 'Test', rules };
    for (const s of [business, manager, other]) {
      const res = await call(t.app, 'POST', '/api/economy/rules', s.headers(), body);
      expect(res.statusCode, res.body).toBe(403);
    }
    const bad = await call(t.app, 'POST', '/api/economy/rules', editor.headers(), { ...body, validFrom: '2020-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('validFrom');
    const ok = await call(t.app, 'POST', '/api/economy/rules', editor.headers(), body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await call(t.app, 'GET', '/api/economy/rules', manager.headers())).json().current).toBe(today());
  });

  it('imports a CSV through multipart (editor only), lists every bad line, and exports CSV/XLSX with rule and source line', async () => {
    const good = await multipartBody({}, { name: 'ny.csv', data: 'orgnr;navn;naeringskode;ansatte;dato\r\n941371876;Cambi ASA;71.129;100;2018-12-31\r\n', type: 'text/csv' });
    expect((await t.app.inject({ method: 'POST', url: '/api/economy/snapshots/import', headers: business.headers(good.headers), payload: good.payload })).statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/economy/snapshots/import', headers: editor.headers(good.headers), payload: good.payload });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().snapshots).toEqual([{ date: '2018-12-31', establishments: 1, jobs: 100, status: 'created' }]);
    const badFile = await multipartBody({}, { name: 'feil.csv', data: 'orgnr;navn;naeringskode;ansatte;dato\r\n941371876;Cambi ASA;71.129;-3;2018-12-31\r\n', type: 'text/csv' });
    const bad = await t.app.inject({ method: 'POST', url: '/api/economy/snapshots/import', headers: editor.headers(badFile.headers), payload: badFile.payload });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details).toEqual([{ file: 'feil.csv', line: 2, field: 'ansatte', message: '«-3» er ikke et helt tall på 0 eller mer' }]);
    const snapshotId = (await call(t.app, 'GET', '/api/economy/overview', manager.headers())).json().snapshots.find((s: { date: string }) => s.date === '2018-12-31').id;
    const csv = await call(t.app, 'GET', `/api/economy/export?snapshotId=${snapshotId}&format=csv`, manager.headers());
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('orgnr;navn;naeringskode;naering;ansatte;olje_gass;gronn;annet;regel;sertifisert;forbehold;dato;kilde;linje');
    expect(lines[1]).toMatch(/^941371876;Cambi ASA;71\.129;Annen teknisk konsulentvirksomhet;100;25;0;75;oil-71\.12;;"Delvis: [^"]*";2018-12-31;ny\.csv;2$/);
    const xlsx = await call(t.app, 'GET', `/api/economy/export?snapshotId=${snapshotId}&format=xlsx&lang=en`, manager.headers());
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
