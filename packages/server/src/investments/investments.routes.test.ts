import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/databases.js';
import { multipartBody, startTestApp, type TestApp, type TestSession } from '../testing/http.js';

describe.each(ENGINES)('investments API (%s)', (engine) => {
  let t: TestApp;
  let finance: TestSession;

  beforeAll(async () => {
    t = await startTestApp(engine);
    finance = await t.login('hilde.asgardlien@asker.example'); // editor: investments
  });
  afterAll(() => t?.close());

  const get = (url: string, s: TestSession = finance) => t.app.inject({ url, headers: s.headers() });
  const upload = async (url: string, fields: Record<string, string>, name: string, data: string) => {
    const mp = await multipartBody(fields, { name, data, type: name.endsWith('.html') ? 'text/html' : 'text/csv' });
    return t.app.inject({ method: 'POST', url, headers: finance.headers(mp.headers), payload: mp.payload });
  };

  it('a finance officer imports the Norges Bank table and a custodian report, and sees the breaches at once', async () => {
    const html = '<table><tr><th>Company</th><th>Category</th><th>Criterion</th><th>Decision</th><th>Date</th></tr><tr><td>Marathon Oil Corp</td><td>Product-based</td><td>Oil sands</td><td>Exclusion</td><td>01.02.2026</td></tr></table>';
    const list = await upload('/api/investments/lists/import', { listKey: 'own', listName: 'Egne vedtak' }, 'egne.html', html);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ listKey: 'own', version: 1, entries: 1 });
    const csv = 'name;isin;country;market_value_nok\r\nMARATHON OIL CORP;;US;300\r\nMARATHON PETROLEUM CORP;;US;700\r\n';
    const rep = await upload('/api/investments/holdings/import', { portfolioKey: 'kraftfondet', portfolioName: 'Kraftfondet', asOf: '2026-09-30' }, 'kraft.csv', csv);
    expect(rep.statusCode, rep.body).toBe(200);
    const started = Date.now();
    const s = await get(`/api/investments/screening?reportId=${rep.json().reportId}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(s.statusCode).toBe(200);
    expect(s.json().breaches.map((b: { name: string; share: number }) => [b.name, b.share])).toEqual([['MARATHON OIL CORP', 0.3]]);
    expect(s.json().summary).toMatchObject({ breachedShare: 0.3, fossilShare: 0.3 });
    const bad = await upload('/api/investments/holdings/import', { portfolioKey: 'kraftfondet', asOf: '2026-09-30' }, 'feil.csv', 'name;isin\r\nX;NO123\r\n');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details).toEqual([expect.objectContaining({ line: 2, field: 'isin' })]);
  });

  it('serves the overview, review queue, divestment tracker and the workbook', async () => {
    const o = await get('/api/investments/overview');
    expect(o.statusCode).toBe(200);
    expect(o.json().portfolios.map((p: { key: string }) => p.key)).toEqual(expect.arrayContaining(['energifondet', 'likviditetsreserven', 'kraftfondet']));
    expect((await get('/api/investments/review')).json().items.length).toBeGreaterThanOrEqual(1);
    expect((await get('/api/investments/divestments')).json().items.some((d: { status: string }) => d.status === 'decided')).toBe(true);
    const x = await get('/api/investments/screening/export.xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-disposition']).toMatch(/attachment; filename="investeringer-.+\.xlsx"/);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await get('/api/investments/screening/report.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/attachment; filename="investeringer-.+\.pdf"/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(5_000);
    const d = await t.app.inject({ method: 'POST', url: '/api/investments/divestments', headers: finance.headers(), payload: { portfolioKey: 'kraftfondet', companyKey: 'name:marathon oil', companyName: 'MARATHON OIL CORP', status: 'decided', date: '2026-10-01' } });
    expect(d.statusCode, d.body).toBe(200);
  });

  it('refuses other roles', async () => {
    const other = await t.login('marit.kjosvold@asker.example'); // editor: foodwaste
    expect((await get('/api/investments/overview', other)).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/investments/overview' })).statusCode).toBe(401);
  });
});
