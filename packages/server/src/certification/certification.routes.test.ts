import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/databases.js';
import { call, multipartBody, startTestApp, type TestApp, type TestSession } from '../testing/http.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const ADVISER = 'per-olav.strandmo@asker.example'; // editor: certification
const MANAGER = 'eirik.hovdenak@asker.example'; // bhg-bleikerfaret
const BUSINESS = 'vibeke@holmsbu-fjordhotell.example'; // Holmsbu Fjordhotell AS

describe.each(ENGINES)('certification HTTP API (%s)', (engine) => {
  let t: TestApp;
  let adviser: TestSession;
  let manager: TestSession;
  let business: TestSession;

  beforeAll(async () => {
    t = await startTestApp(engine);
    adviser = await t.login(ADVISER);
    manager = await t.login(MANAGER);
    business = await t.login(BUSINESS);
  });
  afterAll(() => t?.close());

  it('shows the adviser the register with filters, sort and pages, and exports it as CSV and XLSX', async () => {
    const page = await call(t.app, 'GET', '/api/certification/register?sort=validUntil&limit=10&status=expiring,in_grace', adviser.headers());
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json();
    expect(body.total).toBe(body.coverage.byStatus.expiring + body.coverage.byStatus.in_grace);
    expect(body.items.map((i: { validUntil: string }) => i.validUntil)).toEqual([...body.items.map((i: { validUntil: string }) => i.validUntil)].sort());
    const second = (await call(t.app, 'GET', '/api/certification/register?limit=5&offset=5', adviser.headers())).json();
    const first = (await call(t.app, 'GET', '/api/certification/register?limit=10', adviser.headers())).json();
    expect(second.items.map((i: { unitId: string }) => i.unitId)).toEqual(first.items.slice(5).map((i: { unitId: string }) => i.unitId));
    const search = (await call(t.app, 'GET', '/api/certification/register?q=bleikerfaret', adviser.headers())).json();
    expect(search.items).toEqual([expect.objectContaining({ name: 'Bleikerfaret barnehage', status: 'certified', viaScope: true })]);
    const csv = await call(t.app, 'GET', '/api/certification/register/export?format=csv&status=lapsed', adviser.headers());
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Enhet;Nøkkel;Sektor;Sted;Ansatte;Status;Ordning;Gyldig til;Dekket gjennom;Statusdato');
    expect(lines.slice(1).every((l) => l.includes(';Utløpt;'))).toBe(true);
    const xlsx = await t.app.inject({ url: '/api/certification/register/export?format=xlsx&lang=en', headers: adviser.headers() });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('Unit');
    expect(wb.worksheets[0]!.rowCount).toBe(129);
  });

  it('draws the map from the boundary and the units, and refuses a business user', async () => {
    const res = await call(t.app, 'GET', '/api/certification/map?date=2026-11-27', adviser.headers());
    expect(res.statusCode).toBe(200);
    const map = res.json();
    expect(map.boundary.length).toBeGreaterThan(0);
    expect(map.attribution).toBe('© Kartverket');
    expect(map.points.length + map.unplaced.length).toBe(128);
    for (const p of map.points) {
      expect(p.lat).toBeGreaterThan(59.5);
      expect(p.lat).toBeLessThan(59.95);
    }
    expect((await call(t.app, 'GET', '/api/certification/map', business.headers())).statusCode).toBe(403);
  });

  it('lets a unit manager deliver their own unit’s report, with clear messages for bad values', async () => {
    const unitId = manager.user.unitId!;
    const bad = await call(t.app, 'POST', '/api/certification/reports', manager.headers(), { unitId, year: 2025, values: { electricityKwh: -1, sortingRatePct: 101 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(['values.electricityKwh', 'values.sortingRatePct']);
    const ok = await call(t.app, 'POST', '/api/certification/reports', manager.headers(), { unitId, year: 2025, values: { electricityKwh: 98000, heatedAreaM2: 784, wasteResidualKg: 500, wasteFoodKg: 300 }, submit: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'submitted', year: 2025, derived: { kwhPerM2: 125 } });
    const page = (await call(t.app, 'GET', `/api/certification/units/${unitId}`, manager.headers())).json();
    expect(page.canWriteReport).toBe(true);
    expect(page.reports.at(-1)).toMatchObject({ year: 2025, status: 'submitted' });
    const other = (await call(t.app, 'GET', '/api/certification/register?q=hvalstad%20skole', adviser.headers())).json().items[0];
    expect((await call(t.app, 'POST', '/api/certification/reports', manager.headers(), { unitId: other.unitId, year: 2025, values: {} })).statusCode).toBe(403);
    expect((await call(t.app, 'GET', `/api/certification/units/${other.unitId}`, manager.headers())).json().canWriteReport).toBe(false);
  });

  it('a business user registers a certificate with evidence; the editor verifies it from the queue', async () => {
    const created = await call(t.app, 'POST', '/api/certification/certificates', business.headers(), { schemeKey: 'miljofyrtarn', organisationId: business.user.organisationId, certificateNumber: 'MFT-70001', issuer: 'Certnor AS', issuedOn: '2026-11-10', validUntil: '2029-11-10' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ verification: 'pending', status: 'in_progress' });
    const upload = (file: { name: string; data: Buffer; type: string }) => multipartBody({}, file).then((mp) => t.app.inject({ method: 'POST', url: `/api/certification/certificates/${id}/evidence`, headers: business.headers(mp.headers), payload: mp.payload }));
    const wrong = await upload({ name: 'sertifikat.txt', data: Buffer.from('hei'), type: 'text/plain' });
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().message).toBe('Vedlegget må være PDF, PNG eller JPEG');
    const big = await upload({ name: 'stor.pdf', data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), type: 'application/pdf' });
    expect(big.statusCode).toBe(413);
    const good = await upload({ name: 'sertifikat.pdf', data: PDF, type: 'application/pdf' });
    expect(good.statusCode, good.body).toBe(201);
    const fileId = good.json().evidence[0].fileId;
    expect((await t.app.inject({ url: `/api/files/${fileId}`, headers: adviser.headers() })).statusCode).toBe(200);
    const queue = (await call(t.app, 'GET', '/api/certification/verification-queue', adviser.headers())).json();
    expect(queue.map((c: { id: string }) => c.id)).toContain(id);
    expect((await call(t.app, 'POST', `/api/certification/certificates/${id}/verify`, business.headers(), { decision: 'verified' })).statusCode).toBe(403);
    const noReason = await call(t.app, 'POST', `/api/certification/certificates/${id}/verify`, adviser.headers(), { decision: 'rejected' });
    expect(noReason.statusCode).toBe(400);
    const verified = await call(t.app, 'POST', `/api/certification/certificates/${id}/verify`, adviser.headers(), { decision: 'verified' });
    expect(verified.json()).toMatchObject({ verification: 'verified', status: 'certified' });
    const mine = (await call(t.app, 'GET', '/api/certification/certificates', business.headers())).json();
    expect(mine.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('imports reports from an uploaded spreadsheet, all or nothing', async () => {
    const bad = await multipartBody({}, { name: 'rapporter.csv', data: 'enhet;år;strom_kwh\r\neiendom;2025;-4\r\n', type: 'text/csv' });
    const res = await t.app.inject({ method: 'POST', url: '/api/certification/reports/import', headers: adviser.headers(bad.headers), payload: bad.payload });
    expect(res.statusCode).toBe(422);
    expect(res.json().details).toEqual([{ file: 'rapporter.csv', line: 2, field: 'strom_kwh', message: 'Strøm kan ikke være negativ (−4 kWh)' }]);
    const mp = await multipartBody({}, { name: 'rapporter.csv', data: 'enhet;år;strom_kwh\r\neiendom;2026;4000\r\n', type: 'text/csv' });
    const ok = await t.app.inject({ method: 'POST', url: '/api/certification/reports/import', headers: adviser.headers(mp.headers), payload: mp.payload });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 1 });
    const byManager = await t.app.inject({ method: 'POST', url: '/api/certification/reports/import', headers: manager.headers(mp.headers), payload: mp.payload });
    expect(byManager.statusCode).toBe(403);
  });

  it('feeds program point A1 with the computed share', async () => {
    const programs = (await call(t.app, 'GET', '/api/programs', adviser.headers())).json();
    const view = (await call(t.app, 'GET', `/api/programs/${programs[0].id}`, adviser.headers())).json();
    const a1 = view.areas.flatMap((a: any) => a.goals).find((g: any) => g.code === 'A1');
    const ind = a1.indicators.find((i: any) => i.key === 'a1-units-certified-share');
    expect(ind.values.length).toBeGreaterThan(10);
    const overview = (await call(t.app, 'GET', '/api/certification/overview', adviser.headers())).json();
    const q = overview.history.filter((h: { date: string }) => h.date.endsWith('-09-30') || h.date.endsWith('-06-30') || h.date.endsWith('-03-31') || h.date.endsWith('-12-31'));
    expect(ind.values.at(-1).value).toBeCloseTo(Math.round(q.at(-1).certifiedShare * 1000) / 10, 5);
    expect(ind.status).not.toBe('no_data');
  });
});
