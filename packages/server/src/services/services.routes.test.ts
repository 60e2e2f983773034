import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/databases.js';
import { multipartBody, startTestApp, type TestApp, type TestSession } from '../testing/http.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe.each(ENGINES)('services over HTTP (%s)', (engine) => {
  let t: TestApp;
  let eirik: TestSession; // manager of Bleikerfaret barnehage
  let nora: TestSession; // manager of Hvalstad skole
  let camilla: TestSession; // services editor
  let business: TestSession;
  const unit = { bleikerfaret: '', hvalstad: '' };
  let hvalstadAdoption = '';
  let uteskole = '';

  beforeAll(async () => {
    t = await startTestApp(engine);
    eirik = await t.login('eirik.hovdenak@asker.example');
    nora = await t.login('nora.bakkerud@asker.example');
    camilla = await t.login('camilla.nesseklev@asker.example');
    business = await t.login('vibeke@holmsbu-fjordhotell.example');
    const db = t.deps.db;
    unit.bleikerfaret = (await db.selectFrom('org_unit').select('id').where('key', '=', 'bhg-bleikerfaret').executeTakeFirstOrThrow()).id;
    unit.hvalstad = (await db.selectFrom('org_unit').select('id').where('key', '=', 'skole-hvalstad').executeTakeFirstOrThrow()).id;
    hvalstadAdoption = (await db.selectFrom('svc_adoption').select('id').where('unit_id', '=', unit.hvalstad).executeTakeFirstOrThrow()).id;
    uteskole = (await db.selectFrom('svc_measure').select('id').where('key', '=', 'uteskole').executeTakeFirstOrThrow()).id;
  }, 1_200_000);
  afterAll(() => t?.close());

  const inject = (s: TestSession | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, headers: s ? s.headers() : {}, ...(payload ? { payload } : {}) });
  const count = async (table: 'svc_adoption' | 'svc_report') => Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it("answers 403 when a unit manager adopts, reports or changes status for another unit, and writes nothing", async () => {
    const [a, r] = [await count('svc_adoption'), await count('svc_report')];
    const adopt = await inject(eirik, 'POST', '/api/services/adoptions', { unitId: unit.hvalstad, measureId: uteskole, adoptedOn: '2025-09-01', status: 'active' });
    expect(adopt.statusCode).toBe(403);
    expect(adopt.json()).toMatchObject({ code: 'forbidden', message: 'Du kan bare ta i bruk tiltak for din egen enhet' });
    const report = await inject(eirik, 'POST', `/api/services/adoptions/${hvalstadAdoption}/reports`, { date: '2025-10-01', text: 'Rapport for en enhet som ikke er min.' });
    expect(report.statusCode).toBe(403);
    expect((await inject(eirik, 'PATCH', `/api/services/adoptions/${hvalstadAdoption}`, { status: 'ended', date: '2025-10-01' })).statusCode).toBe(403);
    expect((await inject(business, 'GET', '/api/services/measures')).statusCode).toBe(403);
    expect((await inject(null, 'GET', '/api/services/coverage')).statusCode).toBe(401);
    expect([await count('svc_adoption'), await count('svc_report')]).toEqual([a, r]);
  });

  it('lets a unit manager adopt for their own unit and report with figures and an attachment; bad input is named in Norwegian', async () => {
    const adopt = await inject(nora, 'POST', '/api/services/adoptions', { unitId: unit.hvalstad, measureId: uteskole, adoptedOn: '2025-09-01', status: 'active' });
    expect(adopt.statusCode, adopt.body).toBe(201);
    const id = adopt.json().id as string;
    const before = await count('svc_report');
    const bad = await inject(nora, 'POST', `/api/services/adoptions/${id}/reports`, { date: '01.10.2025', text: 'Uteskole', participants: 'mange' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation', message: 'Rapporten kunne ikke lagres' });
    expect(bad.json().details).toEqual([
      { field: 'date', message: 'Skriv datoen som åååå-mm-dd' },
      { field: 'text', message: 'Skriv noen ord om hva som er gjort (minst 10 tegn)' },
      { field: 'participants', message: 'Antall deltakere må være et helt tall, 0 eller mer' },
    ]);
    expect(await count('svc_report')).toBe(before);
    const mp = await multipartBody({ domain: 'services', ownerUnitId: unit.hvalstad }, { name: 'bilde.png', data: PNG, type: 'image/png' });
    const file = await t.app.inject({ method: 'POST', url: '/api/files', headers: nora.headers(mp.headers), payload: mp.payload });
    expect(file.statusCode, file.body).toBe(201);
    const ok = await inject(nora, 'POST', `/api/services/adoptions/${id}/reports`, { date: '2025-10-01', text: 'Alle trinn hadde uteskole hver uke i september.', participants: '1 200', meals: null, fileId: file.json().id });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ participants: 1200, meals: null, fileId: file.json().id });
    // Another unit's file cannot be attached.
    const mine = await multipartBody({ domain: 'services', ownerUnitId: unit.bleikerfaret }, { name: 'b.png', data: PNG, type: 'image/png' });
    const other = await t.app.inject({ method: 'POST', url: '/api/files', headers: eirik.headers(mine.headers), payload: mine.payload });
    const wrong = await inject(nora, 'POST', `/api/services/adoptions/${id}/reports`, { date: '2025-10-02', text: 'Med vedlegget til en annen enhet.', fileId: other.json().id });
    expect(wrong.json().details).toEqual([{ field: 'fileId', message: 'Vedlegget hører til en annen enhet' }]);
    const page = (await inject(nora, 'GET', `/api/services/units/${unit.hvalstad}`)).json();
    expect(page.canAct).toBe(true);
    expect(page.adoptions.find((x: { id: string }) => x.id === id).reports).toHaveLength(1);
  });

  it('shows the editor coverage and exports it as CSV and XLSX; residents read the public catalogue', async () => {
    const c = await inject(camilla, 'GET', '/api/services/coverage');
    expect(c.statusCode).toBe(200);
    expect(c.json().groups.map((g: { key: string }) => g.key)).toEqual(['education', 'care']);
    const csv = await inject(camilla, 'GET', '/api/services/coverage/export?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.startsWith('\uFEFFenhet;tjenesteområde;bærekraft i planen;aktive tiltak;')).toBe(true);
    expect(csv.body).toContain('Hvalstad skole;Skoler og SFO;');
    const xlsx = await inject(camilla, 'GET', '/api/services/coverage/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pub = await inject(null, 'GET', '/api/public/services/measures');
    expect(pub.statusCode).toBe(200);
    expect(pub.json().items.length).toBeGreaterThanOrEqual(10);
    expect(pub.body).not.toContain('Hvalstad');
    // The program's C2 indicators are computed from the adoptions, not typed in.
    const ind = await t.deps.db.selectFrom('indicator').select(['key', 'source_kind', 'source_domain']).where('key', 'in', ['c2-kindergartens-schools-plan-share', 'c2-health-care-units-share']).execute();
    expect(ind.map((i) => [i.source_kind, i.source_domain])).toEqual([
      ['computed', 'services'],
      ['computed', 'services'],
    ]);
  });
});
