import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendantsOf, type SystemActor, type UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { municipalityRepository } from '../platform/municipalities.js';
import { TenantScope } from '../platform/tenant.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { foodwasteReference } from './foodwaste.reference.js';
import { foodwasteRepository } from './foodwaste.repository.js';
import { addListItem, claimOffer, closeOffer, createKitchen, createOffer, createRegistration, expireOffers, exportRegistrations, importRegistrations, kitchenDashboard, listKitchens, listOffers, options, overview, recordActivity, updateListItem, type FoodwasteDeps } from './foodwaste.service.js';
import { FOODWASTE_PUBLISHERS } from './foodwaste.publishers.js';
import { run } from '../cli/main.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const TODAY = '2026-11-27';

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(ENGINES)('food-waste services on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  let deps: FoodwasteDeps;
  let unitTree: { id: string; parentId: string | null }[];
  const ids = { braset: '', solgarden: '', shop: '', hotel: '', bleikerfaret: '' };
  const orgs: Record<string, string> = {};
  const user = (over: Partial<UserActor>): Ctx => ({ ...ctx, actor: { kind: 'user', userId: `u-${over.role}-${over.organisationId ?? over.unitId ?? ''}`, municipalityId: ctx.scope.municipalityId, name: 'Test', email: 't@asker.example', role: 'editor', domains: [], unitScope: [], unitId: null, organisationId: null, ...over } as UserActor });
  const manager = (unitId: string) => user({ role: 'unit_manager', unitId, unitScope: descendantsOf(unitId, unitTree) });
  const business = (orgNr: string) => user({ role: 'business', organisationId: orgs[orgNr]! });
  const editor = () => user({ role: 'editor', domains: ['foodwaste'] });
  const count = async (t: 'fw_registration' | 'fw_offer' | 'fw_activity' | 'fw_kitchen') => Number((await env.deps.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const reg = { date: TODAY, stage: 'serving', category: 'dinner', reason: 'overproduction', destination: 'biogas', kg: 3.4 };

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    const m = (await municipalityRepository(env.deps.db).bySlug('asker'))!;
    const actor: SystemActor = { kind: 'system', municipalityId: m.id, label: 'test' };
    ctx = { scope: new TenantScope(env.deps.db, m.id), actor, now: () => NOW };
    deps = { reference: foodwasteReference(env.config.dataDir) };
    const orgRepo = organisationsRepository(ctx.scope);
    unitTree = await orgRepo.unitTree();
    for (const nr of ['939036377', '939375635', '949994902', '910805630', '996620670', '969176440', '901007683']) orgs[nr] = (await orgRepo.organisationByNumber(nr))!.id;
    const repo = foodwasteRepository(ctx.scope);
    ids.braset = (await repo.kitchenByName('Sentralkjøkken Bråset'))!.id;
    ids.solgarden = (await repo.kitchenByName('Kjøkken Solgården sykehjem'))!.id;
    ids.shop = (await repo.kitchenByName('Heggedal Nærbutikk'))!.id;
    ids.hotel = (await repo.kitchenByName('Holmsbu Fjordhotell, kjøkken'))!.id;
    ids.bleikerfaret = (await repo.kitchenByName('Bleikerfaret barnehage'))!.id;
  }, 120_000);
  afterAll(() => env?.close());

  it('seeds kitchens with about a year of weighings, idempotently', async () => {
    const before = await count('fw_registration');
    expect(before).toBeGreaterThan(500);
    expect(await count('fw_kitchen')).toBe(6);
    await seedDemo(env.deps, 'asker');
    expect(await count('fw_registration')).toBe(before);
    expect(await count('fw_kitchen')).toBe(6);
  });

  it('shows each role only its own kitchens', async () => {
    const brasetUnit = (await organisationsRepository(ctx.scope).unitByKey('braset-bo-og-omsorgssenter'))!.id;
    expect((await listKitchens(manager(brasetUnit), deps)).map((k) => k.name)).toEqual(['Sentralkjøkken Bråset']);
    expect((await listKitchens(business('939375635'), deps)).map((k) => k.name)).toEqual(['Holmsbu Fjordhotell, kjøkken']);
    const all = await listKitchens(editor(), deps);
    expect(all).toHaveLength(6);
    const braset = all.find((k) => k.id === ids.braset)!;
    expect(braset.baseline).toBeGreaterThan(60);
    expect(braset.baseline).toBeLessThan(130);
    expect(braset.target).toBeCloseTo(braset.baseline! / 2, 6);
    expect(braset.status).toBe('on_track'); // the demo kitchen cuts 30 % a year
    expect(all.find((k) => k.name === 'Hvalstad skole, kantine')!.status).not.toBe('on_track'); // the school gets worse
  });

  it('lets a unit manager register for their own kitchen, once per clientId', async () => {
    const brasetUnit = (await organisationsRepository(ctx.scope).unitByKey('braset-bo-og-omsorgssenter'))!.id;
    const before = await count('fw_registration');
    const saved = await createRegistration(manager(brasetUnit), deps, { ...reg, kitchenId: ids.braset, clientId: 'phone-1-abcdef' });
    expect(saved).toMatchObject({ kg: 3.4, stage: 'serving', duplicate: false });
    const again = await createRegistration(manager(brasetUnit), deps, { ...reg, kitchenId: ids.braset, clientId: 'phone-1-abcdef' });
    expect(again).toMatchObject({ id: saved.id, duplicate: true });
    expect(await count('fw_registration')).toBe(before + 1);
    const audit = await env.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', saved.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses bad input with Norwegian messages and saves nothing', async () => {
    const brasetUnit = (await organisationsRepository(ctx.scope).unitByKey('braset-bo-og-omsorgssenter'))!.id;
    const me = manager(brasetUnit);
    const before = await count('fw_registration');
    const neg = await appError(createRegistration(me, deps, { ...reg, kitchenId: ids.braset, kg: -2 }));
    expect(neg.code).toBe('validation');
    expect(neg.details).toEqual([{ field: 'kg', message: 'Vekten må være større enn 0 kg' }]);
    const absurd = await appError(createRegistration(me, deps, { ...reg, kitchenId: ids.braset, kg: 5000 }));
    expect(absurd.details[0]!.message).toBe('Vekten 5000 kg er over grensen på 500 kg per registrering');
    const future = await appError(createRegistration(me, deps, { ...reg, kitchenId: ids.braset, date: '2026-11-28' }));
    expect(future.details).toEqual([{ field: 'date', message: 'Datoen 2026-11-28 er fram i tid' }]);
    const unknown = await appError(createRegistration(me, deps, { ...reg, kitchenId: ids.braset, stage: 'søppelbøtte' }));
    expect(unknown.details[0]).toEqual({ field: 'stage', message: 'Ukjent ledd: «søppelbøtte»' });
    const other = await appError(createRegistration(me, deps, { ...reg, kitchenId: ids.solgarden }));
    expect(other).toMatchObject({ code: 'forbidden', message: 'Du kan bare registrere for dine egne kjøkken' });
    const hotelForShop = await appError(createRegistration(business('939036377'), deps, { ...reg, kitchenId: ids.hotel }));
    expect(hotelForShop.code).toBe('forbidden');
    expect((await appError(createRegistration(me, deps, { ...reg, kitchenId: 'finnes-ikke' }))).code).toBe('forbidden');
    expect((await appError(createRegistration(editor(), deps, { ...reg, kitchenId: 'finnes-ikke' }))).code).toBe('validation');
    expect((await appError(recordActivity(me, { kitchenId: ids.braset, date: TODAY, amount: -5 }))).details[0]!.field).toBe('amount');
    expect(await count('fw_registration')).toBe(before);
  });

  it('records activity per day, replacing a second value for the same day', async () => {
    const a = await recordActivity(business('939375635'), { kitchenId: ids.hotel, date: '2026-11-26', amount: 140 });
    const b = await recordActivity(business('939375635'), { kitchenId: ids.hotel, date: '2026-11-26', amount: 150 });
    expect(b).toEqual({ ...a, amount: 150 });
  });

  it('imports registrations atomically, lists every bad line, and a second import changes nothing', async () => {
    const before = await count('fw_registration');
    const bad = 'kjøkken;dato;ledd;kategori;årsak;mottak;kg\r\nSentralkjøkken Bråset;2026-11-20;servering/buffet;middagsretter;overproduksjon;biogass;12,5\r\nUkjent kjøkken;2026-11-20;plate;dinner;overproduction;biogas;1\r\nSentralkjøkken Bråset;2027-01-01;plate;dinner;overproduction;biogas;-3\r\nSentralkjøkken Bråset;20.11.2026;plate;dinner;overproduction;biogas;tolv\r\n';
    const e = await appError(importRegistrations(editor(), deps, 'vekt.csv', Buffer.from(bad)));
    expect(e.code).toBe('import_failed');
    expect(e.message).toBe('vekt.csv: 3 linjer har feil; ingenting er importert');
    expect(e.details.map((d) => [d.line, d.field])).toEqual([[3, 'kjøkken'], [4, 'dato'], [4, 'kg'], [5, 'kg']]);
    expect(e.details.at(-1)!.message).toBe('«tolv» er ikke et tall');
    expect(await count('fw_registration')).toBe(before);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Vekt');
    ws.addRow(['Kjøkken', 'Dato', 'Ledd', 'Kategori', 'Årsak', 'Mottak', 'Kg']);
    ws.addRow(['Sentralkjøkken Bråset', '2026-11-20', 'servering/buffet', 'middagsretter', 'overproduksjon', 'biogass', 12.5]);
    ws.addRow(['Kjøkken Solgården sykehjem', '20.11.2026', 'plate', 'dessert', 'other', 'animal_feed', '2,25']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await importRegistrations(editor(), deps, 'vekt.xlsx', xlsx)).toEqual({ file: 'vekt.xlsx', rows: 2, created: 2, unchanged: 0 });
    expect(await importRegistrations(editor(), deps, 'vekt.xlsx', xlsx)).toEqual({ file: 'vekt.xlsx', rows: 2, created: 0, unchanged: 2 });
    expect(await count('fw_registration')).toBe(before + 2);
    const rows = await foodwasteRepository(ctx.scope).registrations([ids.solgarden], '2026-11-20', '2026-11-20');
    expect(rows.find((r) => r.import_file === 'vekt.xlsx')).toMatchObject({ stage: 'plate', category: 'dessert', kg: 2.25, import_line: 3 });
    const brasetUnit = (await organisationsRepository(ctx.scope).unitByKey('braset-bo-og-omsorgssenter'))!.id;
    expect((await appError(importRegistrations(manager(brasetUnit), deps, 'vekt.xlsx', xlsx))).code).toBe('forbidden');
  });

  it('shows a kitchen its trend against the target and the municipality its totals', async () => {
    const d = await kitchenDashboard(editor(), deps, ids.braset, TODAY);
    expect(d.series.length).toBeGreaterThanOrEqual(5);
    expect(d.series[0]!.period).toBe('2025-Q3');
    expect(d.last12Months.kgCo2e).toBeCloseTo(d.last12Months.kg * 2.5, 0);
    expect(Object.values(d.last12Months.byStage).reduce((a, b) => a + b, 0)).toBeCloseTo(d.last12Months.kg, 1);
    expect((await appError(kitchenDashboard(business('939036377'), deps, ids.braset))).code).toBe('forbidden');
    const o = await overview(editor(), deps, TODAY);
    expect(o.totals.kg).toBeGreaterThan(1000);
    expect(o.population).toBeGreaterThan(90000);
    expect(o.kgPerResidentPerYear).toBeCloseTo(o.totals.kg / o.population!, 2);
    expect(o.externalReporting).toBe(2);
    expect(o.redistribution).toMatchObject({ offers: 3, kg: 41.5, meals: 83 });
    expect(o.worst[0]!.name).toBe('Hvalstad skole, kantine');
    expect(o.mostImproved[0]!.name).toBe('Sentralkjøkken Bråset');
    expect((await appError(overview(business('939375635'), deps))).code).toBe('forbidden');
  });

  it('a shop offers bread, five receivers claim it at once, exactly one wins', async () => {
    const offer = await createOffer(business('939036377'), deps, { kitchenId: ids.shop, title: 'Brød fra i dag', kg: 12, bestBefore: '2026-11-28', pickupFrom: '2026-11-27T15:00:00Z', pickupTo: '2026-11-27T18:00:00Z', place: 'Bakdøra', coldChain: false });
    expect(offer).toMatchObject({ status: 'open', donor: 'Heggedal Nærbutikk' });
    const receivers = ['949994902', '910805630', '996620670', '969176440', '901007683'];
    const results = await Promise.allSettled(receivers.map((nr) => claimOffer(business(nr), offer.id, {})));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(4);
    for (const l of lost) expect(l.reason).toMatchObject({ code: 'conflict', message: 'Tilbudet er allerede reservert av en annen mottaker' });
    const row = (await foodwasteRepository(ctx.scope).offerById(offer.id))!;
    expect(row.status).toBe('claimed');
    const winner = receivers.find((nr) => orgs[nr] === row.receiver_organisation_id)!;
    expect((won[0] as PromiseFulfilledResult<{ receiverOrganisationId: string }>).value.receiverOrganisationId).toBe(orgs[winner]);
    const audits = await env.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', offer.id).execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['create', 'update']);
    // A receiver sees it as theirs; a non-receiver business cannot claim; the hotel cannot confirm pickup.
    expect((await listOffers(business(winner))).items.some((o) => o.id === offer.id)).toBe(true);
    expect((await appError(claimOffer(business('939375635'), offer.id, {}))).code).toBe('forbidden');
    expect((await appError(closeOffer(business('939375635'), offer.id, 'collected'))).code).toBe('forbidden');
    expect((await appError(closeOffer(business(winner), offer.id, 'no_show'))).code).toBe('forbidden');
    const done = await closeOffer(business(winner), offer.id, 'collected');
    expect(done.status).toBe('collected');
    expect((await appError(closeOffer(business('939036377'), offer.id, 'no_show'))).message).toBe('Tilbudet er hentet, og hentingen kan ikke registreres');
  });

  it('refuses a claim on an expired offer and expires offers in the job', async () => {
    const offer = await createOffer(business('939036377'), deps, { kitchenId: ids.shop, title: 'Melk', kg: 5, bestBefore: '2026-11-27', pickupFrom: '2026-11-27T10:00:00Z', pickupTo: '2026-11-27T11:00:00Z', place: 'Bakdøra', coldChain: true });
    const later: Ctx = { ...business('949994902'), now: () => new Date('2026-11-27T11:00:01Z') };
    const e = await appError(claimOffer(later, offer.id, {}));
    expect(e).toMatchObject({ code: 'conflict', message: 'Tilbudet er utløpt og kan ikke lenger reserveres' });
    expect((await foodwasteRepository(ctx.scope).offerById(offer.id))!.status).toBe('open');
    expect((await listOffers(later)).items.find((o) => o.id === offer.id)).toBeUndefined(); // receivers see open offers only
    const n = await expireOffers({ ...ctx, now: () => new Date('2026-11-27T11:00:01Z') });
    expect(n).toBeGreaterThanOrEqual(1);
    expect((await foodwasteRepository(ctx.scope).offerById(offer.id))!.status).toBe('expired');
    const bad = await appError(createOffer(business('939036377'), deps, { kitchenId: ids.shop, title: 'Alt', kg: 9999, bestBefore: '2026-11-20', pickupFrom: '2026-11-27T10:00:00Z', pickupTo: '2026-11-27T09:00:00Z', place: 'Bakdøra' }));
    expect(bad.details.map((d) => d.field)).toEqual(['kg', 'bestBefore', 'pickupTo']);
  });

  it('lets editors add kitchens with a default −50 % by 2030 target, and nobody else', async () => {
    const unitId = (await organisationsRepository(ctx.scope).unitByKey('sondre-borgen-sykehjem'))!.id;
    const k = await createKitchen(editor(), { name: 'Søndre Borgen kjøkken', kind: 'nursing_home', unitId, activityKind: 'portions', baselineFrom: '2026-01-01', baselineTo: '2026-06-30' });
    expect(k).toMatchObject({ targetReduction: 0.5, targetDate: '2030-12-31', owner: 'municipal' });
    const e = await appError(createKitchen(editor(), { name: '', kind: 'castle', activityKind: 'smiles', unitId, organisationId: orgs['939036377'] }));
    expect(e.details.map((d) => d.field)).toEqual(['name', 'kind', 'activityKind', 'unitId']);
    expect((await appError(createKitchen(manager(unitId), { name: 'X', kind: 'school', unitId, activityKind: 'portions' }))).code).toBe('forbidden');
  });

  it('lets an editor add a stage that registrations, imports and exports then use, and take it out of use again', async () => {
    const e = editor();
    const item = await addListItem(e, { list: 'stages', labelNb: 'Rester fra kantinedisk', labelEn: 'Canteen counter leftovers' });
    expect(item).toMatchObject({ key: 'rester_fra_kantinedisk', active: true });
    const opts = await options(business('939036377'), deps);
    expect(opts.stages).toEqual(['storage', 'preparation', 'serving', 'plate', 'rester_fra_kantinedisk']);
    expect(opts.labels).toContainEqual({ list: 'stages', key: 'rester_fra_kantinedisk', nb: 'Rester fra kantinedisk', en: 'Canteen counter leftovers' });
    // Duplicates of a built-in label or an own one, an unknown list, an empty name: refused, nothing saved.
    expect((await appError(addListItem(e, { list: 'stages', labelNb: 'Servering/buffet' }))).details).toEqual([{ field: 'labelNb', message: 'Listen over ledd har allerede «Servering/buffet»' }]);
    expect((await appError(addListItem(e, { list: 'stages', labelNb: 'rester fra KANTINEDISK' }))).details[0]!.field).toBe('labelNb');
    expect((await appError(addListItem(e, { list: 'colours', labelNb: 'Blå' }))).details[0]!.field).toBe('list');
    expect((await appError(addListItem(e, { list: 'reasons', labelNb: ' ' }))).details[0]!.message).toBe('Skriv et norsk navn på 2–60 tegn');
    expect((await appError(addListItem(business('939036377'), { list: 'reasons', labelNb: 'Feilbestilling' }))).code).toBe('forbidden');
    expect(await env.deps.db.selectFrom('fw_list_item').select('key').where('list', '=', 'stages').execute()).toHaveLength(1);
    // A kitchen registers with it, by key and, in an import, by its Norwegian name.
    const saved = await createRegistration(e, deps, { ...reg, kitchenId: ids.braset, stage: 'rester_fra_kantinedisk', kg: 1.2 });
    expect(saved.stage).toBe('rester_fra_kantinedisk');
    const csv = 'kjøkken;dato;ledd;kategori;årsak;mottak;kg\r\nSentralkjøkken Bråset;2026-11-20;Rester fra kantinedisk;middagsretter;overproduksjon;biogass;2,5\r\n';
    expect(await importRegistrations(e, deps, 'kantine.csv', Buffer.from(csv))).toMatchObject({ created: 1 });
    const exported = (await exportRegistrations(e, { kitchenId: ids.braset, from: '2026-11-20', to: TODAY })).body.toString('utf8');
    expect(exported).toContain(';Rester fra kantinedisk;middagsretter;');
    // Out of use: refused for new registrations, while the old ones keep it; back in use: accepted again.
    await updateListItem(e, item.id, { active: false });
    expect((await options(e, deps)).stages).not.toContain('rester_fra_kantinedisk');
    expect((await appError(createRegistration(e, deps, { ...reg, kitchenId: ids.braset, stage: 'rester_fra_kantinedisk' }))).details).toEqual([{ field: 'stage', message: 'Ukjent ledd: «rester_fra_kantinedisk»' }]);
    expect((await options(e, deps)).labels.map((l) => l.key)).toContain('rester_fra_kantinedisk');
    const renamed = await updateListItem(e, item.id, { active: true, labelNb: 'Rester fra disken' });
    expect(renamed).toMatchObject({ key: 'rester_fra_kantinedisk', labelNb: 'Rester fra disken', active: true });
    expect((await appError(updateListItem(e, item.id, { labelNb: 'Tallerkenrester' }))).details[0]!.field).toBe('labelNb');
    const audits = await env.deps.db.selectFrom('audit_log').select('summary').where('entity_id', '=', item.id).orderBy('id').execute();
    expect(audits.map((a) => a.summary)).toEqual(['Ny oppføring i listen stages: Rester fra kantinedisk', 'Tatt ut av bruk: Rester fra kantinedisk', 'Tatt i bruk igjen: Rester fra disken']);
  });

  it('shows a receiver the nearest open offers first, with the distance, and leaves out those too far away', async () => {
    const asker = { lat: 59.8339, lon: 10.4349 }; // Asker sentrum
    const frida = business('949994902');
    const all = await listOffers(frida, { near: `${asker.lat},${asker.lon}` });
    const open = all.items.filter((o) => o.status === 'open' && o.distanceKm !== null);
    expect(open.length).toBeGreaterThanOrEqual(3);
    const distances = open.map((o) => o.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(open[0]!.donor).toBe('Sentralkjøkken Bråset'); // about 1 km away; Heggedal about 5 km, Holmsbu about 30 km
    expect(open[0]!.distanceKm).toBeGreaterThan(0.5);
    expect(open[0]!.distanceKm).toBeLessThan(2);
    const holmsbu = open.find((o) => o.donor === 'Holmsbu Fjordhotell, kjøkken')!;
    expect(holmsbu.distanceKm).toBeGreaterThan(25);
    expect(holmsbu.distanceKm).toBeLessThan(35);
    const near = await listOffers(frida, { near: '59.8339,10.4349', withinKm: 10 });
    expect(near.items.some((o) => o.donor === 'Holmsbu Fjordhotell, kjøkken' && o.status === 'open')).toBe(false);
    expect(near.items.some((o) => o.donor === 'Heggedal Nærbutikk')).toBe(true);
    // An offer posted with its own pickup place is placed there, not at the kitchen.
    const elsewhere = await createOffer(business('939375635'), deps, { kitchenId: ids.hotel, title: 'Kaker fra konferansen', kg: 3, bestBefore: '2026-11-28', pickupFrom: '2026-11-27T15:00:00Z', pickupTo: '2026-11-27T18:00:00Z', place: 'Asker kulturhus, varemottak', lat: 59.8335, lon: 10.4365 });
    expect(elsewhere).toMatchObject({ lat: 59.8335, lon: 10.4365 });
    expect((await listOffers(frida, { near: '59.8339,10.4349', withinKm: 1 })).items.map((o) => o.title)).toContain('Kaker fra konferansen');
    // Bad positions are refused with what is wrong.
    expect((await appError(listOffers(frida, { near: 'Asker' }))).details[0]).toMatchObject({ field: 'near' });
    expect((await appError(listOffers(frida, { near: '95,10' }))).details[0]).toMatchObject({ field: 'near' });
    expect((await appError(listOffers(frida, { withinKm: 5 }))).details[0]).toMatchObject({ field: 'near' });
    expect((await appError(listOffers(frida, { near: '59.8,10.4', withinKm: -1 }))).details[0]).toMatchObject({ field: 'withinKm' });
    expect((await appError(createOffer(business('939036377'), deps, { kitchenId: ids.shop, title: 'Brød', kg: 2, bestBefore: '2026-11-28', pickupFrom: '2026-11-27T15:00:00Z', pickupTo: '2026-11-27T18:00:00Z', place: 'Bakdøra', lat: 59.8 }))).details).toEqual([{ field: 'lon', message: 'Lengdegraden må være et tall mellom −180 og 180' }]);
  });

  // The CLI opens its own database from DATABASE_URL (a file here); its services are tested on both engines above.
  (engine === 'sqlite' ? it : () => {})('imports and reports from the command line, with line numbers for bad input', async () => {
    const lines: string[] = [];
    const io = { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t) };
    const cliEnv = { DATABASE_URL: `sqlite:${(env.config.database as { file: string }).file}`, DATA_DIR: env.config.dataDir, STORAGE_DIR: env.config.storageDir, LOG_LEVEL: 'silent' };
    const file = path.join(path.dirname(env.config.storageDir), 'vekt-cli.csv');
    fs.writeFileSync(file, 'kjøkken;dato;ledd;kategori;årsak;mottak;kg\r\nSentralkjøkken Bråset;2026-11-02;plate;dinner;other;biogas;abc\r\n');
    expect(await run(['foodwaste', 'import', file], cliEnv, io)).toBe(1);
    expect(lines.join('\n')).toContain('«abc» er ikke et tall');
    lines.length = 0;
    expect(await run(['foodwaste', 'status', '--json'], cliEnv, io), lines.join('\n')).toBe(0);
    expect(JSON.parse(lines.join('\n')).kitchens.length).toBeGreaterThanOrEqual(6);
    expect(await run(['foodwaste', 'expire-offers'], cliEnv, io)).toBe(0);
  });

  it('publishes A6 figures: g per portion in own kitchens by quarter, kg, businesses reporting, kg redistributed', async () => {
    const by = Object.fromEntries(FOODWASTE_PUBLISHERS.map((p) => [p.metric, p]));
    const g = await by.own_kitchens_food_waste_g_per_meal!.compute(ctx, TODAY);
    expect(g.map((o) => o.period)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    for (const o of g) {
      expect(o.value).toBeGreaterThan(40);
      expect(o.value).toBeLessThan(130);
    }
    expect(g.at(-1)!.value).toBeLessThan(g[1]!.value);
    const kg = await by.own_kitchens_food_waste_kg!.compute(ctx, TODAY);
    expect(kg.at(-1)!.value).toBeGreaterThan(1000);
    expect((await by.external_businesses_reporting!.compute(ctx, TODAY)).at(-1)!.value).toBe(2);
    const red = await by.surplus_redistributed_kg!.compute(ctx, '2026-12-31');
    expect(red.at(-1)).toMatchObject({ period: '2026-Q4', value: 9.5 + 18 + 14 + 12 }); // the demo's three pickups and this test's bread
  });
});
