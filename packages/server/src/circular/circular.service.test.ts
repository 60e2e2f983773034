import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendantsOf, type SystemActor, type UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { municipalityRepository } from '../platform/municipalities.js';
import { TenantScope } from '../platform/tenant.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { listCalls } from '../enterprise/enterprise.service.js';
import { circularReference } from './circular.reference.js';
import { circularRepository } from './circular.repository.js';
import { cancelReservation, collectReservation, createItem, createPlace, editablePlaces, listItems, publicPlaces, publicSchemes, reserveItem, reuseFigures, updatePlace, uploadPhoto, withdrawItem, type CircularDeps } from './circular.service.js';
import { CIRCULAR_PUBLISHERS } from './circular.publishers.js';
import { placeholderPng } from './circular.demo.js';
import { DEMO_STEPS } from '../demo/demo.steps.js';
import { circularDemoStep } from './circular.demo.js';

// Only this domain's demo step on top of the shared base (units, organisations, users): faster on a
// loaded machine, and independent of other domains' demo data.
DEMO_STEPS.splice(0, DEMO_STEPS.length, circularDemoStep);


// Friday 27 November 2026, 11:00 in Oslo.
const NOW = new Date('2026-11-27T10:00:00Z');

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(ENGINES)('circular services on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  let deps: CircularDeps;
  let tree: { id: string; parentId: string | null }[];
  const units: Record<string, string> = {};
  const orgs: Record<string, string> = {};
  const user = (over: Partial<UserActor>): Ctx => ({ ...ctx, actor: { kind: 'user', userId: `u-${over.role}-${over.organisationId ?? over.unitId ?? ''}`, municipalityId: ctx.scope.municipalityId, name: 'Test', email: 't@asker.example', role: 'editor', domains: [], unitScope: [], unitId: null, organisationId: null, ...over } as UserActor });
  const manager = (key: string) => user({ role: 'unit_manager', unitId: units[key]!, unitScope: descendantsOf(units[key]!, tree) });
  const business = (nr: string) => user({ role: 'business', organisationId: orgs[nr]! });
  const editor = () => user({ role: 'editor', domains: ['circular'] });
  const count = async (t: 'circ_reservation' | 'circ_item' | 'stored_file' | 'circ_place') => Number((await env.deps.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const table = { title: 'Bord, bjørk', category: 'table', condition: 'good', location: 'Hvalstad skole, Hvalstadveien 30' };

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    const m = (await municipalityRepository(env.deps.db).bySlug('asker'))!;
    const actor: SystemActor = { kind: 'system', municipalityId: m.id, label: 'test' };
    ctx = { scope: new TenantScope(env.deps.db, m.id), actor, now: () => NOW };
    deps = { reference: circularReference(env.config.dataDir), storage: env.deps.storage };
    const o = organisationsRepository(ctx.scope);
    tree = await o.unitTree();
    for (const k of ['skole-hvalstad', 'bhg-bleikerfaret', 'bhg-bondi', 'skole-drengsrud']) units[k] = (await o.unitByKey(k))!.id;
    for (const nr of ['934126823', '969176440', '939375635']) orgs[nr] = (await o.organisationByNumber(nr))!.id;
  }, 180_000);
  afterAll(() => env?.close());

  it('seeds the directory, two support schemes and four years of marketplace history, idempotently', async () => {
    expect(await count('circ_place')).toBe(9);
    const items = await count('circ_item');
    expect(items).toBeGreaterThan(40);
    const schemes = await listCalls(editor(), 'circular');
    expect(schemes.map((c) => c.title).sort()).toEqual(['Tilskudd til reparasjon og ombruk 2026', 'Tilskudd til reparasjon og ombruk 2027']);
    expect((await publicSchemes(ctx)).find((s) => s.title.endsWith('2027'))!.state).toBe('open');
    await seedDemo(env.deps, 'asker');
    expect(await count('circ_item')).toBe(items);
    expect(await count('circ_place')).toBe(9);
    // The yearly figures are of the order of Asker's published 2023 result (14.3 t CO2e, NOK 1.4 m).
    const y2023 = (await reuseFigures(ctx, deps)).years.find((y) => y.year === '2023')!;
    expect(y2023.co2eKg / 1000).toBeGreaterThan(10);
    expect(y2023.co2eKg / 1000).toBeLessThan(20);
    expect(y2023.nokSaved).toBeGreaterThan(900_000);
  });

  it('finds who repairs bicycles, what is open now, and by text', async () => {
    const bikes = await publicPlaces(ctx, { category: 'bicycles' });
    expect(bikes.items.map((p) => p.name)).toEqual(['Elsykkelverkstedet Asker', 'Ombrukssenteret Omigjen', 'Reparasjonskafeen i Asker', 'Sykkelverkstedet Slemmestad']);
    // Friday 11:00: the e-bike workshop is open, the volunteer workshop (Tue, Thu, Sat) and the repair café (Wed) are not.
    expect((await publicPlaces(ctx, { category: 'bicycles', openNow: true })).items.map((p) => p.name)).toEqual(['Elsykkelverkstedet Asker']);
    expect((await publicPlaces(ctx, { q: 'slemmestad' })).items.length).toBe(3);
    const elbike = bikes.items[0]!;
    expect(elbike).toMatchObject({ kind: 'repair_shop', organisation: 'Elsykkelverkstedet Asker AS', openingHours: { mon: [['09:00', '17:00']] }, openNow: true });
    expect(elbike.lat).toBeCloseTo(59.84, 1);
  });

  it('lets a business user maintain only its own entry', async () => {
    const bruktbua = business('934126823');
    const mine = await editablePlaces(bruktbua);
    expect(mine.items.map((p) => p.name)).toEqual(['Bruktbua Nesbru']);
    const entry = mine.items[0]!;
    const changed = await updatePlace(bruktbua, entry.id, { ...entry, openingHours: { ...entry.openingHours, mon: [['12:00', '16:00']] } });
    expect(changed.openingHours.mon).toEqual([['12:00', '16:00']]);
    const bikeShop = (await publicPlaces(ctx, { q: 'Sykkelverkstedet Slemmestad' })).items[0]!;
    expect((await appError(updatePlace(bruktbua, bikeShop.id, { ...bikeShop, name: 'Kapret' }))).code).toBe('forbidden');
    expect((await appError(updatePlace(bruktbua, entry.id, { ...entry, organisationId: orgs['969176440']! }))).code).toBe('forbidden');
    expect((await appError(createPlace(business('939375635'), { name: 'Hotellets bytteskap', kind: 'swap', categories: ['books'], organisationId: orgs['934126823']! }))).code).toBe('forbidden');
    const bad = await appError(updatePlace(bruktbua, entry.id, { ...entry, openingHours: { tue: [['18:00', '11:00']] }, website: 'bruktbua.no' }));
    expect(bad.details.map((d) => d.field)).toEqual(['website', 'openingHours.tue']);
    const audits = await env.deps.db.selectFrom('audit_log').select(['action']).where('entity_id', '=', entry.id).execute();
    expect(audits.map((a) => a.action)).toEqual(['update']); // the demo entry itself is seed data
  });

  it('lets exactly one of two kindergartens reserve the last table at the same time; the other gets 409 and nothing is saved for it', async () => {
    const item = await createItem(manager('skole-hvalstad'), deps, { ...table, unitId: units['skole-hvalstad']!, quantity: 1 });
    const before = await count('circ_reservation');
    const results = await Promise.allSettled([reserveItem(manager('bhg-bleikerfaret'), deps, item.id, { unitId: units['bhg-bleikerfaret']! }), reserveItem(manager('bhg-bondi'), deps, item.id, { unitId: units['bhg-bondi']! })]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: 'conflict', message: 'Gjenstanden er allerede reservert av en annen enhet' });
    expect(await count('circ_reservation')).toBe(before + 1);
    const row = (await circularRepository(ctx.scope).itemById(item.id))!;
    expect({ state: row.state, left: Number(row.quantity_left) }).toEqual({ state: 'reserved', left: 0 });
    // A third try afterwards is refused the same way.
    expect((await appError(reserveItem(manager('skole-drengsrud'), deps, item.id, { unitId: units['skole-drengsrud']! }))).code).toBe('conflict');
  });

  it('splits a batch between units, counts what is collected, returns what is cancelled', async () => {
    const item = await createItem(manager('skole-hvalstad'), deps, { ...table, title: 'Elevpulter', unitId: units['skole-hvalstad']!, quantity: 10, costNok: 1000 });
    const figuresBefore = (await reuseFigures(ctx, deps)).years.find((y) => y.year === '2026')!;
    const a = await reserveItem(manager('bhg-bleikerfaret'), deps, item.id, { unitId: units['bhg-bleikerfaret']!, quantity: 4 });
    expect(a).toMatchObject({ state: 'available', quantityLeft: 6 });
    const tooMany = await appError(reserveItem(manager('bhg-bondi'), deps, item.id, { unitId: units['bhg-bondi']!, quantity: 7 }));
    expect(tooMany.details).toEqual([{ field: 'quantity', message: 'Bare 6 er ledige' }]);
    const b = await reserveItem(manager('bhg-bondi'), deps, item.id, { unitId: units['bhg-bondi']!, quantity: 6 });
    expect(b).toMatchObject({ state: 'reserved', quantityLeft: 0 });
    // Not for another unit, not for the giver itself.
    expect((await appError(reserveItem(manager('bhg-bleikerfaret'), deps, item.id, { unitId: units['bhg-bondi']! }))).code).toBe('forbidden');
    const resA = b.reservations.find((r) => r.unitId === units['bhg-bleikerfaret'])!;
    const resB = b.reservations.find((r) => r.unitId === units['bhg-bondi'])!;
    expect((await appError(collectReservation(manager('skole-drengsrud'), deps, resA.id))).code).toBe('forbidden');
    await collectReservation(manager('bhg-bleikerfaret'), deps, resA.id);
    expect((await appError(collectReservation(manager('skole-hvalstad'), deps, resA.id))).message).toBe('Reservasjonen er allerede hentet');
    const cancelled = await cancelReservation(manager('bhg-bondi'), deps, resB.id);
    expect(cancelled).toMatchObject({ state: 'available', quantityLeft: 6 });
    const after = (await reuseFigures(ctx, deps)).years.find((y) => y.year === '2026')!;
    // 4 tables of 25 kg, 65 kg CO2e and NOK 4 500 each, less 4/10 of the NOK 1 000 transport.
    expect(after.items - figuresBefore.items).toBe(4);
    expect(Math.round(after.kg - figuresBefore.kg)).toBe(100);
    expect(Math.round(after.co2eKg - figuresBefore.co2eKg)).toBe(260);
    expect(after.nokSaved - figuresBefore.nokSaved).toBe(4 * 4500 - 400);
    // Withdrawn while available; then nobody can reserve it.
    const w = await withdrawItem(manager('skole-hvalstad'), deps, item.id);
    expect(w.state).toBe('withdrawn');
    expect((await appError(reserveItem(manager('bhg-bondi'), deps, item.id, { unitId: units['bhg-bondi']! }))).message).toBe('Gjenstanden er trukket tilbake av enheten som ga den bort');
    expect((await appError(withdrawItem(manager('skole-hvalstad'), deps, item.id))).code).toBe('conflict');
  });

  it('refuses bad items and photos with messages naming the field, saving nothing', async () => {
    const hvalstad = manager('skole-hvalstad');
    const items = await count('circ_item');
    const files = await count('stored_file');
    const bad = await appError(createItem(hvalstad, deps, { ...table, unitId: units['skole-hvalstad']!, category: 'car', quantity: 0, location: ' ' }));
    expect(bad.details.map((d) => d.field)).toEqual(['category', 'quantity', 'location']);
    expect((await appError(createItem(hvalstad, deps, { ...table, unitId: units['bhg-bondi']!, quantity: 1 }))).code).toBe('forbidden');
    const pdf = await appError(uploadPhoto(hvalstad, deps, { unitId: units['skole-hvalstad']!, filename: 'bord.png', data: Buffer.from('%PDF-1.4 pretending') }));
    expect(pdf).toMatchObject({ code: 'unsupported_media_type', message: 'Filen er ikke et bilde. Bruk JPEG, PNG eller WebP.' });
    const huge = await appError(uploadPhoto(hvalstad, deps, { unitId: units['skole-hvalstad']!, filename: 'stort.png', data: placeholderPng(3000, 200, [1, 2, 3]) }));
    expect(huge.code).toBe('payload_too_large');
    expect(huge.message).toContain('3000 × 200 piksler');
    expect(await count('circ_item')).toBe(items);
    expect(await count('stored_file')).toBe(files);
    const photo = await uploadPhoto(hvalstad, deps, { unitId: units['skole-hvalstad']!, filename: 'bord.png', data: placeholderPng(320, 240, [200, 150, 90]) });
    expect(photo).toMatchObject({ contentType: 'image/png', width: 320, height: 240 });
    const item = await createItem(hvalstad, deps, { ...table, unitId: units['skole-hvalstad']!, quantity: 1, photoFileId: photo.id });
    expect(item.hasPhoto).toBe(true);
    // Another unit's photo cannot be attached.
    const other = await appError(createItem(manager('bhg-bondi'), deps, { ...table, unitId: units['bhg-bondi']!, quantity: 1, photoFileId: photo.id }));
    expect(other.details).toEqual([{ field: 'photoFileId', message: 'Bildet finnes ikke eller hører ikke til enheten' }]);
    expect((await listItems(manager('bhg-bondi'), deps, { state: 'available', limit: 5 })).items.length).toBe(5);
    expect((await appError(listItems(business('934126823'), deps, {}))).code).toBe('forbidden');
  });

  it('publishes tonnes CO2e, million NOK, items and kg per whole year to the program', async () => {
    const asOf = '2026-11-27';
    const byMetric = Object.fromEntries(await Promise.all(CIRCULAR_PUBLISHERS.map(async (p) => [p.metric, await p.compute(ctx, asOf)] as const)));
    const figures = (await reuseFigures(ctx, deps)).years.find((y) => y.year === '2023')!;
    expect(byMetric.furniture_reuse_co2e_saved_t!.map((o) => o.period)).toEqual(['2023', '2024', '2025']);
    expect(byMetric.furniture_reuse_co2e_saved_t![0]!.value).toBe(Math.round(figures.co2eKg / 100) / 10);
    expect(byMetric.furniture_reuse_savings_nok![0]!.value).toBe(Math.round(figures.nokSaved / 100_000) / 10);
    expect(byMetric.furniture_reuse_items![0]!.value).toBe(figures.items);
    expect(byMetric.furniture_reuse_kg![0]!.value).toBe(Math.round(figures.kg));
  });
});
