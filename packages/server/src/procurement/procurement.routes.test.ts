import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/databases.js';
import { call, startTestApp, type TestApp, type TestSession } from '../testing/http.js';

const EDITOR = 'anders.vikhagen@asker.example'; // editor: procurement
const MANAGER = 'kristoffer.aunevik@asker.example'; // braset-bo-og-omsorgssenter (the kitchen's contract)
const OTHER = 'ingeborg.lundestad@asker.example'; // editor: agriculture
const BUSINESS = 'vibeke@holmsbu-fjordhotell.example';

describe.each(ENGINES)('procurement HTTP API (%s)', (engine) => {
  let t: TestApp;
  let editor: TestSession;
  let manager: TestSession;
  let other: TestSession;
  let business: TestSession;
  const body = {
    reference: 'HTTP-1',
    title: 'Varebiler til vei og park',
    cpv: '34144900-7',
    estimatedValueNok: 900_000,
    procedure: 'open',
    priceModel: { kind: 'linear', maxPoints: 10, slope: 1, floorAtZero: true },
    criteria: [
      { id: 'price', kind: 'price', name: 'Pris', weight: 75 },
      { id: 'env', kind: 'environment', name: 'Energiforbruk', weight: 25 },
    ],
    requirementKeys: ['veh-zero-emission-cars'],
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    [editor, manager, other, business] = (await Promise.all([EDITOR, MANAGER, OTHER, BUSINESS].map((e) => t.login(e)))) as [TestSession, TestSession, TestSession, TestSession];
  }, 120_000);
  afterAll(() => t?.close());

  it('stops publication below 30 % with the explanation, publishes at 30 %, evaluates and awards', async () => {
    const created = await call(t.app, 'POST', '/api/procurement/tenders', editor.headers(), body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json().rules.errors[0].code).toBe('ENV_WEIGHT_BELOW_30');
    const refused = await call(t.app, 'POST', `/api/procurement/tenders/${id}/publish`, editor.headers(), {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('Klima og miljø vektes 25 %');
    const fixed = await call(t.app, 'PUT', `/api/procurement/tenders/${id}`, editor.headers(), { ...body, criteria: [{ ...body.criteria[0], weight: 70 }, { ...body.criteria[1], weight: 30 }] });
    expect(fixed.json().rulesOk).toBe(true);
    expect((await call(t.app, 'POST', `/api/procurement/tenders/${id}/publish`, editor.headers(), {})).json().status).toBe('published');
    const a = (await call(t.app, 'POST', `/api/procurement/tenders/${id}/bids`, editor.headers(), { label: 'A', supplierName: 'Diesel AS', priceNok: 700_000, points: { env: 1 } })).json();
    const b = await call(t.app, 'POST', `/api/procurement/tenders/${id}/bids`, editor.headers(), { label: 'B', supplierName: 'El AS', priceNok: 760_000, points: { env: 10 }, lcc: { startYear: 2027, years: [{ operationNok: 10000, energyKwh: 12000, energyPriceNok: 1.1, tonnesCo2e: 0.2 }] } });
    expect(b.statusCode, b.body).toBe(200);
    const ev = (await call(t.app, 'GET', `/api/procurement/tenders/${id}/evaluation`, manager.headers())).json();
    expect(ev.winner).toBe('B');
    expect(ev.formulas.price).toContain('Pmin');
    expect(ev.ranking[0].lcc.carbonNok).toBeGreaterThan(0);
    const pdf = await call(t.app, 'GET', `/api/procurement/tenders/${id}/report.pdf`, editor.headers());
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await call(t.app, 'GET', `/api/procurement/tenders/${id}/report.xlsx`, editor.headers());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ranking = wb.getWorksheet('Rangering')!;
    expect(ranking.getRow(2).getCell(2).value).toBe('B');
    expect(ranking.getRow(2).getCell(ranking.columnCount).value).toBe(ev.ranking[0].total);
    expect(String(wb.getWorksheet('Konkurranse')!.getRow(8).getCell(2).value)).toContain('30 %');
    // A business user sees nothing of it; an editor of another domain cannot award.
    expect((await call(t.app, 'GET', `/api/procurement/tenders/${id}/evaluation`, business.headers())).statusCode).toBe(403);
    expect((await call(t.app, 'POST', `/api/procurement/tenders/${id}/award`, other.headers(), { bidId: a.id, startDate: '2026-01-01', endDate: '2027-12-31' })).statusCode).toBe(403);
    const bid = ev.bids.find((x: { label: string }) => x.label === 'B').id;
    const awarded = await call(t.app, 'POST', `/api/procurement/tenders/${id}/award`, editor.headers(), { bidId: bid, startDate: '2026-01-01', endDate: '2027-12-31' });
    expect(awarded.statusCode, awarded.body).toBe(200);
    expect(awarded.json().followUps.length).toBeGreaterThanOrEqual(2);
    expect((await call(t.app, 'DELETE', `/api/procurement/bids/${a.id}`, editor.headers())).statusCode).toBe(409);
  });

  it('lets the responsible unit manager record an outcome on the dashboard, and exports OCDS that the import reads back', async () => {
    const dash = (await call(t.app, 'GET', '/api/procurement/follow-up', manager.headers())).json();
    const kitchen = dash.units.find((u: { unitName: string }) => u.unitName === 'Sentralkjøkken Bråset');
    expect(kitchen.overdue).toBeGreaterThan(0);
    const item = kitchen.items[0];
    const saved = await call(t.app, 'POST', `/api/procurement/follow-ups/${item.id}/outcome`, manager.headers(), { outcome: 'deviation', checkedOn: '2026-01-10', finding: 'Palmeolje i to produkter', sanction: 'notice', sanctionDate: '2026-01-12' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().status).toBe('deviation_open');
    const bad = await call(t.app, 'POST', `/api/procurement/follow-ups/${item.id}/outcome`, manager.headers(), { outcome: 'met', checkedOn: '2099-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('checkedOn');
    const ocds = await call(t.app, 'GET', '/api/procurement/ocds', editor.headers());
    expect(ocds.statusCode).toBe(200);
    const pkg = ocds.json();
    expect(pkg.version).toBe('1.1');
    expect(pkg.releases.length).toBeGreaterThanOrEqual(5);
    const imported = await call(t.app, 'POST', '/api/procurement/ocds/import', editor.headers(), pkg);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ releases: pkg.releases.length, created: 0, unchanged: pkg.releases.length }); // our own tenders, read back
    const invalid = await call(t.app, 'POST', '/api/procurement/ocds/import', editor.headers(), { releases: [{ ocid: 'x' }] });
    expect(invalid.statusCode).toBe(422);
    expect((await call(t.app, 'GET', '/api/procurement/library?productGroup=food', other.headers())).json().length).toBeGreaterThanOrEqual(5);
    expect((await call(t.app, 'GET', '/api/procurement/reference', editor.headers())).json().carbonPricePath.points.length).toBeGreaterThan(5);
  });
});
