import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendantsOf, type UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, systemCtx, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { servicesReference } from './services.reference.js';
import { SERVICES_PUBLISHERS } from './services.publishers.js';
import { servicesRepository } from './services.repository.js';
import { addReport, adoptMeasure, changeAdoptionStatus, coverage, createMeasure, importReferenceCatalogue, listMeasures, listUnits, publicCatalogue, setUnitArea, unitPage, updateMeasure, type ServicesDeps } from './services.service.js';

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

describe.each(ENGINES)('services (C2) on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  let deps: ServicesDeps;
  let tree: { id: string; parentId: string | null }[];
  const ids = { bleikerfaret: '', hvalstad: '', hvalstadSfo: '', braset: '', familiensHus: '', it: '' };
  const user = (over: Partial<UserActor>): Ctx => ({ ...ctx, actor: { kind: 'user', userId: `u-${over.role}`, municipalityId: ctx.scope.municipalityId, name: 'Test', email: 't@asker.example', role: 'editor', domains: [], unitScope: [], unitId: null, organisationId: null, ...over } as UserActor });
  const editor = () => user({ role: 'editor', domains: ['services', 'campaign'] });
  const otherEditor = () => user({ role: 'editor', domains: ['agriculture'] });
  const manager = (unitId: string) => user({ role: 'unit_manager', unitId, unitScope: descendantsOf(unitId, tree) });
  const business = () => user({ role: 'business', organisationId: 'x' });
  const measureId = async (key: string) => (await servicesRepository(ctx.scope).measureByKey(key))!.id;
  const counts = async () => {
    const db = env.deps.db;
    const n = async (t: 'svc_adoption' | 'svc_report' | 'svc_measure' | 'svc_adoption_event') => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { adoptions: await n('svc_adoption'), reports: await n('svc_report'), measures: await n('svc_measure'), events: await n('svc_adoption_event') };
  };

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    ctx = await systemCtx(env.deps, 'asker', () => NOW);
    deps = { reference: servicesReference(env.config.dataDir) };
    const orgs = organisationsRepository(ctx.scope);
    tree = await orgs.unitTree();
    for (const [k, key] of Object.entries({ bleikerfaret: 'bhg-bleikerfaret', hvalstad: 'skole-hvalstad', hvalstadSfo: 'skole-hvalstad-sfo', braset: 'braset-bo-og-omsorgssenter', familiensHus: 'familiens-hus', it: 'it' })) ids[k as keyof typeof ids] = (await orgs.unitByKey(key))!.id;
  }, 1_200_000);
  afterAll(() => env?.close());

  it('seeds the catalogue and adoptions so that coverage is partial and rising, and publishes the two C2 shares', async () => {
    const c = await coverage(editor(), deps, TODAY);
    const edu = c.groups.find((g) => g.key === 'education')!;
    const care = c.groups.find((g) => g.key === 'care')!;
    expect(edu.units).toBe(59); // 30 kindergartens + 29 schools
    expect(care.units).toBe(28); // the demo's own exceptions move three units into family services
    expect(c.areas.find((a) => a.key === 'family')!.units).toBe(3);
    for (const g of [edu, care]) {
      expect(g.withPlan).toBeGreaterThan(0);
      expect(g.withPlan).toBeLessThan(g.units);
      expect(g.withPlan).toBeLessThanOrEqual(g.withActive);
    }
    const pub = Object.fromEntries(SERVICES_PUBLISHERS.map((p) => [p.metric, p]));
    const e = await pub.education_units_with_sustainability_plan_share!.compute(ctx, TODAY);
    const h = await pub.care_units_with_sustainability_plan_share!.compute(ctx, TODAY);
    expect(e.map((o) => o.period)).toEqual(['2024', '2025']);
    expect(h.map((o) => o.period)).toEqual(['2024', '2025']);
    for (const s of [e, h]) {
      expect(s[0]!.value).toBeGreaterThan(0);
      expect(s[1]!.value).toBeGreaterThan(s[0]!.value);
      expect(s[1]!.value).toBeLessThan(100);
    }
    // The published 2025 figure is the overview's on 31 December 2025.
    const dec = await coverage(editor(), deps, '2025-12-31');
    expect(e[1]!.value).toBe(dec.groups.find((g) => g.key === 'education')!.planShare);
    expect(e[1]!.note).toMatch(/^\d+ av 59 enheter$/);
    // Hvalstad's SFO counts for the school; Bleikerfaret has nothing yet and is on the follow-up list.
    expect(c.matrix.units.find((u) => u.id === ids.hvalstad)!.cells).toMatchObject({ [await measureId('plantebaserte-dager')]: 'active', [await measureId('byttedager')]: 'active' });
    expect(c.without.some((w) => w.id === ids.bleikerfaret && !w.hasAny)).toBe(true);
    expect(c.series.map((s) => s.year)).toEqual([2024, 2025, 2026]);
  });

  it("lets a unit manager adopt a measure for their own unit and report on it, and only there", async () => {
    const mgr = manager(ids.bleikerfaret);
    const before = await unitPage(mgr, deps, ids.bleikerfaret);
    expect(before).toMatchObject({ canAct: true, hasPlan: false, hasActive: false, unit: { area: 'kindergarten', counted: true } });
    expect(before.available.every((m) => m.areas.includes('kindergarten'))).toBe(true);
    const uteskole = await measureId('uteskole');
    const a = await adoptMeasure(mgr, deps, { unitId: ids.bleikerfaret, measureId: uteskole, adoptedOn: '2026-09-01', status: 'active' });
    expect(a).toMatchObject({ status: 'active', unitName: 'Bleikerfaret barnehage', history: [{ date: '2026-09-01', status: 'active' }] });
    const rep = await addReport(mgr, deps, a.id, { date: '2026-11-20', text: 'Tur i skogen hver tirsdag med alle avdelingene.', participants: 54 });
    expect(rep).toMatchObject({ date: '2026-11-20', participants: 54, meals: null });
    const after = await unitPage(mgr, deps, ids.bleikerfaret);
    expect(after).toMatchObject({ hasPlan: true, hasActive: true, lastReport: '2026-11-20', reportDueBy: '2027-11-20' });
    expect(after.available.some((m) => m.id === uteskole)).toBe(false);
    // Another unit: readable, but not theirs to act on.
    const hvalstad = await unitPage(mgr, deps, ids.hvalstad);
    expect(hvalstad.canAct).toBe(false);
    const n = await counts();
    expect((await appError(adoptMeasure(mgr, deps, { unitId: ids.hvalstad, measureId: uteskole, adoptedOn: '2026-09-01', status: 'active' }))).code).toBe('forbidden');
    const theirs = hvalstad.adoptions[0]!;
    expect((await appError(addReport(mgr, deps, theirs.id, { date: '2026-11-20', text: 'Ikke min enhet å rapportere for.' }))).code).toBe('forbidden');
    expect((await appError(changeAdoptionStatus(mgr, deps, theirs.id, { status: 'ended', date: TODAY }))).code).toBe('forbidden');
    expect((await appError(adoptMeasure(business(), deps, { unitId: ids.bleikerfaret, measureId: uteskole, adoptedOn: '2026-09-01', status: 'active' }))).code).toBe('forbidden');
    expect((await appError(unitPage(business(), deps, ids.bleikerfaret))).code).toBe('forbidden');
    expect(await counts()).toEqual(n);
    const units = await listUnits(mgr, deps, { mine: true });
    expect(units.items.map((u) => u.name)).toEqual(['Bleikerfaret barnehage']);
  });

  it('refuses bad input with Norwegian messages naming the field, and saves nothing', async () => {
    const mgr = manager(ids.bleikerfaret);
    const n = await counts();
    const twice = await appError(adoptMeasure(mgr, deps, { unitId: ids.bleikerfaret, measureId: await measureId('uteskole'), adoptedOn: '2026-09-01', status: 'active' }));
    expect(twice.details).toEqual([{ field: 'measureId', message: 'Bleikerfaret barnehage har allerede tatt i bruk «Uteskole og uteliv i barnehagen»; endre statusen på det i stedet' }]);
    const bad = await appError(adoptMeasure(mgr, deps, { unitId: ids.bleikerfaret, measureId: await measureId('byttedager'), adoptedOn: '2027-01-01', status: 'paused' }));
    expect(bad.details.map((d) => d.field)).toEqual(['status', 'adoptedOn']);
    const page = await unitPage(mgr, deps, ids.bleikerfaret);
    const own = page.adoptions[0]!;
    const r = await appError(addReport(mgr, deps, own.id, { date: '2026-08-01', text: 'kort', participants: -3, meals: 1.5 }));
    expect(r.details).toEqual([
      { field: 'date', message: 'Rapportdatoen kan ikke være før tiltaket ble tatt i bruk (2026-09-01)' },
      { field: 'text', message: 'Skriv noen ord om hva som er gjort (minst 10 tegn)' },
      { field: 'participants', message: 'Antall deltakere må være et helt tall, 0 eller mer' },
      { field: 'meals', message: 'Antall måltider må være et helt tall, 0 eller mer' },
    ]);
    const s = await appError(changeAdoptionStatus(mgr, deps, own.id, { status: 'planned', date: '2026-08-01' }));
    expect(s.details.map((d) => d.field)).toEqual(['status', 'date']);
    expect(s.message).toBe('Statusen kunne ikke endres');
    expect(await counts()).toEqual(n);
  });

  it('moves an adoption through pause and back; a paused measure does not count as active', async () => {
    const mgr = manager(ids.bleikerfaret);
    const own = (await unitPage(mgr, deps, ids.bleikerfaret)).adoptions[0]!;
    const paused = await changeAdoptionStatus(mgr, deps, own.id, { status: 'paused', date: '2026-11-25', note: 'Sykdom i personalgruppa' });
    expect(paused.history.map((h) => h.status)).toEqual(['active', 'paused']);
    expect((await unitPage(mgr, deps, ids.bleikerfaret)).hasActive).toBe(false);
    expect((await coverage(editor(), deps, TODAY)).without.some((w) => w.id === ids.bleikerfaret && w.hasAny)).toBe(true);
    await changeAdoptionStatus(mgr, deps, own.id, { status: 'active', date: TODAY });
    expect((await unitPage(mgr, deps, ids.bleikerfaret)).hasPlan).toBe(true);
    const audits = await env.deps.db.selectFrom('audit_log').select(['summary', 'action']).where('entity_id', '=', own.id).orderBy('id').execute();
    expect(audits.map((a) => a.summary)).toEqual([
      'Bleikerfaret barnehage tok i bruk «Uteskole og uteliv i barnehagen» (aktiv fra 2026-09-01)',
      '«Uteskole og uteliv i barnehagen» hos Bleikerfaret barnehage: aktiv → satt på pause fra 2026-11-25',
      '«Uteskole og uteliv i barnehagen» hos Bleikerfaret barnehage: satt på pause → aktiv fra 2026-11-27',
    ]);
  });

  it('lets services editors add, edit and retire measures; a retired measure cannot be adopted; residents see only those in use', async () => {
    const body = { titleNb: 'Sykkeldag for ansatte', titleEn: 'Cycle-to-work day for staff', descriptionNb: 'En dag i måneden der de ansatte sykler eller går til jobb.', areas: ['health', 'care'], programPoints: ['c2'], sourceTitle: null, sourceUrl: null };
    expect((await appError(createMeasure(otherEditor(), deps, body))).code).toBe('forbidden');
    expect((await appError(createMeasure(manager(ids.bleikerfaret), deps, body))).code).toBe('forbidden');
    const bad = await appError(createMeasure(editor(), deps, { ...body, areas: ['sykehus'], sourceUrl: 'ftp://x' }));
    expect(bad.details.map((d) => d.field)).toEqual(['areas', 'sourceUrl', 'sourceTitle']);
    const m = await createMeasure(editor(), deps, body);
    expect(m).toMatchObject({ key: 'sykkeldag-for-ansatte', programPoints: ['C2'], retiredOn: null });
    const again = await createMeasure(editor(), deps, body);
    expect(again.key).toBe('sykkeldag-for-ansatte-2');
    const retired = await updateMeasure(editor(), deps, again.id, { retired: true });
    expect(retired.retiredOn).toBe(TODAY);
    const refused = await appError(adoptMeasure(manager(ids.braset), deps, { unitId: ids.braset, measureId: again.id, adoptedOn: TODAY, status: 'planned' }));
    expect(refused.details[0]).toEqual({ field: 'measureId', message: 'Tiltaket «Sykkeldag for ansatte» er tatt ut av katalogen og kan ikke tas i bruk' });
    const staff = await listMeasures(manager(ids.braset), deps, {});
    expect(staff.items.at(-1)!.id).toBe(again.id); // retired last
    const pub = await publicCatalogue({ ...ctx, actor: { kind: 'anonymous', municipalityId: ctx.scope.municipalityId } }, deps, {});
    expect(pub.items.some((x) => x.id === again.id)).toBe(false);
    expect(pub.items.find((x) => x.key === 'plantebaserte-dager')!.activeUnits).toBeGreaterThan(0);
    expect(JSON.stringify(pub)).not.toContain('Hvalstad');
    // The built-in catalogue is already there: copying it again adds nothing.
    expect(await importReferenceCatalogue(editor(), deps)).toEqual({ added: 0 });
    const audit = await env.deps.db.selectFrom('audit_log').select('summary').where('entity_id', '=', again.id).orderBy('id').execute();
    expect(audit.map((a) => a.summary)).toEqual(['Tiltak «Sykkeldag for ansatte» lagt i katalogen', 'Tiltak «Sykkeldag for ansatte» tatt ut av bruk']);
  });

  it("counts a unit in another area when an editor says so, and back by its type", async () => {
    const before = await coverage(editor(), deps, TODAY);
    expect((await appError(setUnitArea(manager(ids.it), deps, ids.it, { area: 'health' }))).code).toBe('forbidden');
    expect((await appError(setUnitArea(editor(), deps, ids.it, { area: 'sykehus' }))).details[0]!.field).toBe('area');
    await setUnitArea(editor(), deps, ids.it, { area: 'health' });
    const moved = await coverage(editor(), deps, TODAY);
    expect(moved.areas.find((a) => a.key === 'health')!.units).toBe(before.areas.find((a) => a.key === 'health')!.units + 1);
    await setUnitArea(editor(), deps, ids.familiensHus, { area: null, useType: true });
    const back = await coverage(editor(), deps, TODAY);
    expect(back.areas.find((a) => a.key === 'family')!.units).toBe(2);
  });
});
