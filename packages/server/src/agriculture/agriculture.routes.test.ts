import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/databases.js';
import { call, startTestApp, type TestApp, type TestSession } from '../testing/http.js';

const FARMER = 'thomas@hyggen-okogard.example'; // Hyggen Økogård 989862650
const EDITOR = 'ingeborg.lundestad@asker.example'; // editor: agriculture
const MANAGER = 'eirik.hovdenak@asker.example';

describe.each(ENGINES)('agriculture HTTP API (%s)', (engine) => {
  let t: TestApp;
  let farmer: TestSession;
  let editor: TestSession;
  let manager: TestSession;
  let own: string;
  let other: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    [farmer, editor, manager] = (await Promise.all([FARMER, EDITOR, MANAGER].map((e) => t.login(e)))) as [TestSession, TestSession, TestSession];
    const farms = (await call(t.app, 'GET', '/api/agriculture/farms', editor.headers())).json() as { id: string; name: string }[];
    own = farms.find((f) => f.name === 'Hyggen Økogård')!.id;
    other = farms.find((f) => f.name === 'Åros Bær og Frukt')!.id;
  }, 180_000);
  afterAll(() => t?.close());

  it('lets a farm user report for their own farm and answers 403 for another farm, changing nothing', async () => {
    expect(((await call(t.app, 'GET', '/api/agriculture/farms', farmer.headers())).json() as { id: string }[]).map((f) => f.id)).toEqual([own]);
    const body = { year: 2026, month: 9, channelKey: 'subscription', productKey: 'vegetables', kg: 80, valueNok: 3200 };
    const ok = await call(t.app, 'POST', `/api/agriculture/farms/${own}/deliveries`, farmer.headers(), body);
    expect(ok.statusCode, ok.body).toBe(201);
    const before = (await call(t.app, 'GET', `/api/agriculture/farms/${other}`, editor.headers())).json();
    for (const [method, url, payload] of [
      ['POST', `/api/agriculture/farms/${other}/deliveries`, body],
      ['PATCH', `/api/agriculture/farms/${other}`, { agriculturalAreaDaa: 10 }],
      ['POST', `/api/agriculture/farms/${other}/areas`, { year: 2026, areas: [] }],
      ['POST', `/api/agriculture/farms/${other}/conversion-plans`, { targetYear: 2030, areaDaa: 10, status: 'planned' }],
      ['GET', `/api/agriculture/farms/${other}`, undefined],
      ['GET', `/api/agriculture/results`, undefined],
    ] as const) {
      const res = await call(t.app, method, url, farmer.headers(), payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    // A unit manager reads but does not write.
    expect((await call(t.app, 'GET', `/api/agriculture/farms/${other}`, manager.headers())).statusCode).toBe(200);
    expect((await call(t.app, 'POST', `/api/agriculture/farms/${other}/deliveries`, manager.headers(), body)).statusCode).toBe(403);
    const after = (await call(t.app, 'GET', `/api/agriculture/farms/${other}`, editor.headers())).json();
    expect(after).toEqual(before);
  });

  it('answers a bad delivery with Norwegian messages by field', async () => {
    const res = await call(t.app, 'POST', `/api/agriculture/farms/${own}/deliveries`, farmer.headers(), { year: 2026, month: 13, channelKey: 'x', productKey: 'vegetables', kg: -2, valueNok: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      { field: 'month', message: 'Måneden må være 1–12, eller tom for hele året' },
      { field: 'channel', message: 'Ukjent salgskanal «x»' },
      { field: 'kg', message: 'Mengden må være større enn 0 kg' },
    ]);
  });

  it('exports the results as CSV and XLSX with the same years as the API', async () => {
    const api = (await call(t.app, 'GET', '/api/agriculture/results', editor.headers())).json() as { years: { year: number; deliveredKg: number }[] };
    const csv = await call(t.app, 'GET', '/api/agriculture/results/export?format=csv&table=years', editor.headers());
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.split(';').slice(0, 3)).toEqual(['år', 'jordbruksareal_daa', 'økologisk_daa']);
    expect(lines.slice(1).map((l) => Number(l.split(';')[0]))).toEqual(api.years.map((y) => y.year));
    const xlsx = await call(t.app, 'GET', '/api/agriculture/results/export?format=xlsx', editor.headers());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Per år', 'Leveranser']);
    expect(wb.worksheets[0]!.rowCount).toBe(api.years.length + 1);
    expect((await call(t.app, 'GET', '/api/agriculture/results/export?format=csv', farmer.headers())).statusCode).toBe(403);
  });
});
