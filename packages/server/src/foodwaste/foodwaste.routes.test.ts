import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/databases.js';
import { call, multipartBody, startTestApp, type TestApp, type TestSession } from '../testing/http.js';

const MANAGER = 'kristoffer.aunevik@asker.example'; // braset-bo-og-omsorgssenter (Sentralkjøkken Bråset)
const SHOP = 'lars@heggedal-naerbutikk.example'; // Heggedal Nærbutikk (foodwaste demo)
const RECEIVER = 'frida@asker-matdeling.example'; // Asker Matdeling (foodwaste demo)
const EDITOR = 'marit.kjosvold@asker.example'; // editor: foodwaste
const HOTEL = 'vibeke@holmsbu-fjordhotell.example';

describe.each(ENGINES)('food-waste HTTP API (%s)', (engine) => {
  let t: TestApp;
  let manager: TestSession;
  let shop: TestSession;
  let receiver: TestSession;
  let editor: TestSession;
  let hotel: TestSession;
  const kitchenNamed = async (s: TestSession, name: string) => ((await call(t.app, 'GET', '/api/foodwaste/kitchens', s.headers())).json() as { id: string; name: string }[]).find((k) => k.name === name)!;
  const today = () => new Date().toISOString().slice(0, 10);
  const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

  beforeAll(async () => {
    t = await startTestApp(engine);
    [manager, shop, receiver, editor, hotel] = (await Promise.all([MANAGER, SHOP, RECEIVER, EDITOR, HOTEL].map((e) => t.login(e)))) as [TestSession, TestSession, TestSession, TestSession, TestSession];
  }, 120_000);
  afterAll(() => t?.close());

  it('a kitchen manager registers waste; bad weights, future dates and other kitchens are refused with nothing saved', async () => {
    const own = await kitchenNamed(manager, 'Sentralkjøkken Bråset');
    expect((await call(t.app, 'GET', '/api/foodwaste/kitchens', manager.headers())).json()).toHaveLength(1);
    const body = { kitchenId: own.id, date: today(), stage: 'serving', category: 'dinner', reason: 'overproduction', destination: 'biogas', kg: 4.2, clientId: 'queue-0001-abc' };
    const ok = await call(t.app, 'POST', '/api/foodwaste/registrations', manager.headers(), body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await call(t.app, 'POST', '/api/foodwaste/registrations', manager.headers(), body)).statusCode).toBe(200); // the offline queue sent it again
    const before = (await call(t.app, 'GET', `/api/foodwaste/registrations?kitchenId=${own.id}`, manager.headers())).json().length;
    const neg = await call(t.app, 'POST', '/api/foodwaste/registrations', manager.headers(), { ...body, clientId: null, kg: -1 });
    expect(neg.statusCode).toBe(400);
    expect(neg.json()).toMatchObject({ code: 'validation', details: [{ field: 'kg', message: 'Vekten må være større enn 0 kg' }] });
    const huge = await call(t.app, 'POST', '/api/foodwaste/registrations', manager.headers(), { ...body, clientId: null, kg: 12000 });
    expect(huge.json().details[0].message).toContain('over grensen på 500 kg');
    const future = await call(t.app, 'POST', '/api/foodwaste/registrations', manager.headers(), { ...body, clientId: null, date: '2099-01-01' });
    expect(future.json().details).toEqual([{ field: 'date', message: 'Datoen 2099-01-01 er fram i tid' }]);
    const theirs = await kitchenNamed(editor, 'Kjøkken Solgården sykehjem');
    const other = await call(t.app, 'POST', '/api/foodwaste/registrations', manager.headers(), { ...body, clientId: null, kitchenId: theirs.id });
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toBe('Du kan bare registrere for dine egne kjøkken');
    expect((await call(t.app, 'GET', `/api/foodwaste/registrations?kitchenId=${own.id}`, manager.headers())).json().length).toBe(before);
    const dash = (await call(t.app, 'GET', `/api/foodwaste/kitchens/${own.id}`, manager.headers())).json();
    expect(dash).toMatchObject({ canRegister: true, kitchen: { name: 'Sentralkjøkken Bråset', intensityUnit: { nb: 'g per porsjon' } } });
    expect(dash.recent[0]).toMatchObject({ kg: 4.2 });
    expect((await call(t.app, 'GET', `/api/foodwaste/kitchens/${own.id}`, hotel.headers())).statusCode).toBe(403);
    expect((await call(t.app, 'GET', '/api/foodwaste/kitchens')).statusCode).toBe(401);
  });

  it('imports a CSV atomically, naming each bad line', async () => {
    const bad = await multipartBody({}, { name: 'vekt.csv', data: 'kjøkken;dato;ledd;kategori;årsak;mottak;kg\r\nSentralkjøkken Bråset;2026-01-05;plate;dinner;other;biogas;-1\r\n', type: 'text/csv' });
    const res = await t.app.inject({ method: 'POST', url: '/api/foodwaste/registrations/import', headers: editor.headers(bad.headers), payload: bad.payload });
    expect(res.statusCode).toBe(422);
    expect(res.json().details).toEqual([{ file: 'vekt.csv', line: 2, field: 'kg', message: 'Vekten må være større enn 0 kg' }]);
    // An export is in the import's columns, with decimal comma, and only of the caller's kitchens.
    const csv = await call(t.app, 'GET', '/api/foodwaste/registrations/export?format=csv', hotel.headers());
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('kjøkken;dato;ledd;kategori;årsak;mottak;kg;merknad;registrert av');
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.slice(1).every((l) => l.startsWith('Holmsbu Fjordhotell, kjøkken;'))).toBe(true);
    const xlsx = await t.app.inject({ url: '/api/foodwaste/registrations/export?format=xlsx', headers: editor.headers() });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment; filename="matsvinn-\d{4}-\d{2}-\d{2}\.xlsx"$/);
  });

  it('a shop posts surplus bread, two receivers claim at once, one wins; pickup is confirmed and counted', async () => {
    const shopKitchen = await kitchenNamed(shop, 'Heggedal Nærbutikk');
    const created = await call(t.app, 'POST', '/api/foodwaste/offers', shop.headers(), { kitchenId: shopKitchen.id, title: 'Brød fra i dag', kg: 10, bestBefore: inHours(30).slice(0, 10), pickupFrom: inHours(1), pickupTo: inHours(4), place: 'Bakdøra', coldChain: false });
    expect(created.statusCode, created.body).toBe(201);
    const offer = created.json();
    const list = (await call(t.app, 'GET', '/api/foodwaste/offers', receiver.headers())).json();
    expect(list.isReceiver).toBe(true);
    expect(list.items.map((o: { id: string }) => o.id)).toContain(offer.id);
    // A second receiver: an editor claiming on behalf of another food-sharing NGO.
    const other = list.receivers.find((r: { name: string }) => r.name === 'Reparasjonskafeen i Asker').id;
    const [a, b] = await Promise.all([call(t.app, 'POST', `/api/foodwaste/offers/${offer.id}/claim`, receiver.headers(), {}), call(t.app, 'POST', `/api/foodwaste/offers/${offer.id}/claim`, editor.headers(), { receiverOrganisationId: other })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().message).toBe('Tilbudet er allerede reservert av en annen mottaker');
    expect((await call(t.app, 'POST', `/api/foodwaste/offers/${offer.id}/claim`, hotel.headers(), {})).statusCode).toBe(403);
    const done = await call(t.app, 'POST', `/api/foodwaste/offers/${offer.id}/collected`, shop.headers());
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('collected');
    const again = await call(t.app, 'POST', `/api/foodwaste/offers/${offer.id}/collected`, shop.headers());
    expect(again.statusCode).toBe(409);
    const ov = (await call(t.app, 'GET', '/api/foodwaste/overview', editor.headers())).json();
    expect(ov.redistribution.kg).toBeGreaterThanOrEqual(10);
  });

  it('feeds program point A6 with g per portion computed from the kitchens', async () => {
    const programs = (await call(t.app, 'GET', '/api/programs', editor.headers())).json();
    const view = (await call(t.app, 'GET', `/api/programs/${programs[0].id}`, editor.headers())).json();
    const a6 = view.areas.flatMap((a: any) => a.goals).find((g: any) => g.code === 'A6');
    const ind = a6.indicators.find((i: any) => i.key === 'a6-foodwaste-own-g-per-meal');
    expect(ind.source).toBe('computed');
    expect(ind.values.length).toBeGreaterThanOrEqual(4);
    for (const v of ind.values) {
      expect(v.value).toBeGreaterThan(40);
      expect(v.value).toBeLessThan(130);
    }
    expect(ind.values.at(-1).producedBy).toContain('foodwaste');
  });
});
