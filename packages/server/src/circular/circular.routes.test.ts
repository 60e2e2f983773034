import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/databases.js';
import { call, multipartBody, startTestApp, type TestApp, type TestSession } from '../testing/http.js';
import { placeholderPng } from './circular.demo.js';
import { DEMO_STEPS } from '../demo/demo.steps.js';
import { circularDemoStep } from './circular.demo.js';

// Only this domain's demo step on top of the shared base (units, organisations, users): faster on a
// loaded machine, and independent of other domains' demo data.
DEMO_STEPS.splice(0, DEMO_STEPS.length, circularDemoStep);


const SCHOOL = 'nora.bakkerud@asker.example'; // skole-hvalstad
const KINDERGARTEN = 'eirik.hovdenak@asker.example'; // bhg-bleikerfaret
const NURSING = 'kristoffer.aunevik@asker.example'; // braset-bo-og-omsorgssenter
const BRUKTBUA = 'kari@bruktbua-nesbru.example'; // Bruktbua Nesbru (circular demo)

describe.each(ENGINES)('circular HTTP API (%s)', (engine) => {
  let t: TestApp;
  let school: TestSession;
  let kindergarten: TestSession;
  let nursing: TestSession;
  let bruktbua: TestSession;
  const myUnit = async (s: TestSession) => ((await call(t.app, 'GET', '/api/circular/options', s.headers())).json().myUnits as { id: string; name: string }[])[0]!.id;
  const count = async (table: 'stored_file' | 'circ_item' | 'circ_reservation') => Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startTestApp(engine);
    [school, kindergarten, nursing, bruktbua] = (await Promise.all([SCHOOL, KINDERGARTEN, NURSING, BRUKTBUA].map((e) => t.login(e)))) as [TestSession, TestSession, TestSession, TestSession];
  }, 600_000);
  afterAll(() => t?.close());

  it('serves the directory, the schemes and the boundary without login', async () => {
    const res = await t.app.inject({ url: '/api/public/circular/places?category=bicycles' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((p: { name: string }) => p.name)).toContain('Sykkelverkstedet Slemmestad');
    expect(res.json().items.every((p: { categories: string[] }) => p.categories.includes('bicycles'))).toBe(true);
    expect((await t.app.inject({ url: '/api/public/circular/schemes' })).json().length).toBe(2);
    expect((await t.app.inject({ url: '/api/public/circular/boundary' })).json().attribution).toBe('© Kartverket');
    expect((await t.app.inject({ url: '/api/circular/items' })).statusCode).toBe(401);
  });

  it('takes a real photo, refuses a non-image and a too large one with clear messages, saving nothing', async () => {
    const unit = await myUnit(school);
    const files = await count('stored_file');
    const upload = async (name: string, data: Buffer | string, type: string) => {
      const mp = await multipartBody({ unitId: unit }, { name, data, type });
      return t.app.inject({ method: 'POST', url: '/api/circular/photos', headers: school.headers(mp.headers), payload: mp.payload });
    };
    const text = await upload('bord.png', 'dette er ikke et bilde', 'image/png');
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'unsupported_media_type', message: 'Filen er ikke et bilde. Bruk JPEG, PNG eller WebP.', details: [{ field: 'file' }] });
    const big = await upload('stort.png', Buffer.concat([placeholderPng(64, 64, [9, 9, 9]), Buffer.alloc(4 * 1024 * 1024)]), 'image/png');
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toMatch(/^Bildet er for stort \(4(,\d)? MB\); maks 3 MB/);
    expect(await count('stored_file')).toBe(files);
    const ok = await upload('bord.png', placeholderPng(400, 300, [180, 140, 90]), 'image/png');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ contentType: 'image/png', width: 400, height: 300 });
    // Another unit's manager may not upload for this unit.
    const mp = await multipartBody({ unitId: unit }, { name: 'x.png', data: placeholderPng(10, 10, [1, 1, 1]), type: 'image/png' });
    expect((await t.app.inject({ method: 'POST', url: '/api/circular/photos', headers: kindergarten.headers(mp.headers), payload: mp.payload })).statusCode).toBe(403);
    // Posted with the photo, every staff member sees it.
    const item = await call(t.app, 'POST', '/api/circular/items', school.headers(), { unitId: unit, title: 'Lesebord', category: 'table', condition: 'good', quantity: 1, location: 'Hvalstad skole', photoFileId: ok.json().id });
    expect(item.statusCode, item.body).toBe(201);
    const photo = await t.app.inject({ url: `/api/circular/items/${item.json().id}/photo`, headers: nursing.headers() });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect((await t.app.inject({ url: `/api/circular/items/${item.json().id}/photo`, headers: bruktbua.headers() })).statusCode).toBe(403);
  });

  it('lets a kindergarten reserve a table from a school; a unit that comes too late gets 409 and nothing is saved', async () => {
    const unit = await myUnit(school);
    const item = (await call(t.app, 'POST', '/api/circular/items', school.headers(), { unitId: unit, title: 'Bord til overs', category: 'table', condition: 'good', quantity: 1, location: 'Hvalstad skole' })).json();
    const reservations = await count('circ_reservation');
    const [a, b] = await Promise.all([call(t.app, 'POST', `/api/circular/items/${item.id}/reservations`, kindergarten.headers(), { unitId: await myUnit(kindergarten) }), call(t.app, 'POST', `/api/circular/items/${item.id}/reservations`, nursing.headers(), { unitId: await myUnit(nursing) })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const lost = a.statusCode === 409 ? a : b;
    expect(lost.json()).toMatchObject({ code: 'conflict', message: 'Gjenstanden er allerede reservert av en annen enhet' });
    expect(await count('circ_reservation')).toBe(reservations + 1);
    const won = (a.statusCode === 200 ? a : b).json();
    expect(won.state).toBe('reserved');
    // The school confirms the pickup.
    const done = await call(t.app, 'POST', `/api/circular/reservations/${won.reservations[0].id}/collected`, school.headers());
    expect(done.statusCode).toBe(200);
    expect(done.json().state).toBe('collected');
    // A business user maintains only its own directory entry.
    const own = (await call(t.app, 'GET', '/api/circular/directory', bruktbua.headers())).json();
    expect(own.items.map((p: { name: string }) => p.name)).toEqual(['Bruktbua Nesbru']);
    const put = await call(t.app, 'PUT', `/api/circular/directory/${own.items[0].id}`, bruktbua.headers(), { openingNote: 'Stengt i romjulen' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ openingNote: 'Stengt i romjulen', name: 'Bruktbua Nesbru' });
  });
});
