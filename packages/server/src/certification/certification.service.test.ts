import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SystemActor, UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { municipalityRepository } from '../platform/municipalities.js';
import { TenantScope } from '../platform/tenant.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { run } from '../cli/main.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { certificationReference } from './certification.reference.js';
import { certificationRepository } from './certification.repository.js';
import { addEvidence, createCertificate, createScheme, listCertificates, statusOverview, updateCertificate, verificationQueue, verifyCertificate, type CertificationDeps } from './certification.service.js';
import { importReports, listReports, saveReport } from './reports.service.js';
import { recordParticipation, trainingOverview } from './training.service.js';
import { businessCoverage, logContact, outreachList } from './businesses.service.js';
import { buildCertificationDigests, listReminders, sendCertificationReminders } from './reminders.service.js';
import { overview, unitPage } from './overview.service.js';
import { CERTIFICATION_PUBLISHERS } from './certification.publishers.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const TODAY = '2026-11-27';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(ENGINES)('certification services on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  let deps: CertificationDeps;
  let unit: (key: string) => Promise<string>;
  let org: (nr: string) => Promise<string>;
  const user = (over: Partial<UserActor>): Ctx => ({ ...ctx, actor: { kind: 'user', userId: `u-${over.role}`, municipalityId: ctx.scope.municipalityId, name: 'Test', email: 't@asker.example', role: 'editor', domains: [], unitScope: [], unitId: null, organisationId: null, ...over } as UserActor });
  const counts = async () => {
    const db = env.deps.db;
    const n = async (t: 'cert_certificate' | 'cert_report' | 'cert_evidence' | 'stored_file' | 'cert_participation') => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { certificates: await n('cert_certificate'), reports: await n('cert_report'), evidence: await n('cert_evidence'), files: await n('stored_file'), participations: await n('cert_participation') };
  };

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    const m = (await municipalityRepository(env.deps.db).bySlug('asker'))!;
    const actor: SystemActor = { kind: 'system', municipalityId: m.id, label: 'test' };
    ctx = { scope: new TenantScope(env.deps.db, m.id), actor, now: () => NOW };
    deps = { reference: certificationReference(env.config.dataDir), storage: env.deps.storage };
    const orgs = organisationsRepository(ctx.scope);
    unit = async (key) => (await orgs.unitByKey(key))!.id;
    org = async (nr) => (await orgs.organisationByNumber(nr))!.id;
  });
  afterAll(() => env?.close());

  it('computes the demo mix on the demo date: certified, expiring, in grace, lapsed, in progress and never started', async () => {
    const o = await statusOverview(ctx, deps, TODAY);
    const by = new Map(o.units.map((u) => [u.key, u]));
    expect(by.get('bhg-bleikerfaret')).toMatchObject({ status: 'certified', viaScope: true, holderName: 'Kommunale barnehager', schemeKey: 'miljofyrtarn' });
    expect(by.get('skole-hvalstad-sfo')).toMatchObject({ status: 'certified', viaScope: true });
    expect(by.get('ungdomsskole-risenga')!.status).toBe('expiring');
    expect(by.get('skole-vardasen')!.status).toBe('in_grace');
    expect(by.get('solgarden-sykehjem')!.status).toBe('lapsed');
    expect(by.get('braset-bo-og-omsorgssenter')!.status).toBe('in_progress');
    expect(by.get('bhg-aby')!.status).toBe('none');
    expect(by.get('renovasjon')!.status).toBe('certified');
    // Svanemerket does not count: the kitchen is covered by Bråset's in-progress work only.
    expect(by.get('braset-sentralkjokken')!.status).toBe('in_progress');
    const c = o.coverage;
    expect(c.units).toBe(128);
    expect(c.certified).toBe(c.byStatus.certified + c.byStatus.expiring + c.byStatus.in_grace);
    expect(c.byStatus.expiring).toBeGreaterThan(0);
    expect(c.byStatus.in_grace).toBeGreaterThan(0);
    expect(c.byStatus.lapsed).toBeGreaterThan(0);
    expect(c.byStatus.in_progress).toBeGreaterThan(0);
    expect(c.byStatus.none).toBeGreaterThan(0);
    expect(c.staffShare!).toBeGreaterThan(0);
    expect(c.staffShare!).toBeLessThan(1);
  });

  it('publishes the A1 indicator the demo program expects, quarter by quarter, ending with today’s coverage', async () => {
    const pub = CERTIFICATION_PUBLISHERS.find((p) => p.metric === 'municipal_units_certified_share')!;
    const obs = await pub.compute({ ...ctx, actor: { kind: 'anonymous', municipalityId: ctx.scope.municipalityId } }, TODAY);
    expect(obs.at(-1)).toMatchObject({ period: '2026-Q3', date: '2026-09-30' });
    expect(obs[0]!.date < '2020-01-01').toBe(true);
    const q3 = (await statusOverview(ctx, deps, '2026-09-30')).coverage;
    expect(obs.at(-1)!.value).toBeCloseTo(Math.round(q3.certifiedShare! * 1000) / 10, 5);
    for (const m of ['staff_trained_share', 'local_businesses_certified', 'annual_reports_on_time_share']) {
      const values = await CERTIFICATION_PUBLISHERS.find((p) => p.metric === m)!.compute(ctx, TODAY);
      expect(values.length, m).toBeGreaterThan(0);
      for (const v of values) expect(v.date <= TODAY).toBe(true);
    }
  });

  it('refuses valid-until before issued, and an overlapping certificate of one scheme for one unit, saving nothing', async () => {
    const before = await counts();
    const school = await unit('skole-billingstad'); // Miljøfyrtårn 2025-02-10 – 2028-02-10
    const early = await appError(createCertificate(ctx, deps, { schemeKey: 'miljofyrtarn', holderUnitId: school, issuedOn: '2026-05-01', validUntil: '2026-04-01' }));
    expect(early.code).toBe('validation');
    expect(early.details).toEqual([{ field: 'validUntil', message: 'Gyldig til (2026-04-01) må være etter utstedt dato (2026-05-01)' }]);
    const overlap = await appError(createCertificate(ctx, deps, { schemeKey: 'miljofyrtarn', holderUnitId: school, certificateNumber: 'X-1', issuedOn: '2026-06-01', validUntil: '2029-06-01' }));
    expect(overlap.details[0]!.field).toBe('issuedOn');
    expect(overlap.details[0]!.message).toMatch(/^Overlapper med Miljøfyrtårn-sertifikat nr\. MFT-\d+ \(gyldig 2025-02-10–2028-02-10\) for Billingstad SFO, Billingstad skole i perioden 2026-06-01–2028-02-10\./);
    // A kindergarten under the head-office certificate may not get its own Miljøfyrtårn certificate either.
    const viaScope = await appError(createCertificate(ctx, deps, { schemeKey: 'miljofyrtarn', holderUnitId: await unit('bhg-bleikerfaret'), issuedOn: '2026-01-01', validUntil: '2029-01-01' }));
    expect(viaScope.details[0]!.message).toMatch(/Bleikerfaret barnehage/);
    const badDate = await appError(createCertificate(ctx, deps, { schemeKey: 'miljofyrtarn', holderUnitId: school, issuedOn: '2026-02-30', validUntil: '2029-01-01' }));
    expect(badDate.details.map((d) => d.field)).toEqual(['issuedOn']);
    const tooLong = await appError(createCertificate(ctx, deps, { schemeKey: 'iso-14001', holderUnitId: school, issuedOn: '2026-01-01', validUntil: '2031-01-01' }));
    expect(tooLong.details[0]!.message).toMatch(/36 måneder/);
    const noHolder = await appError(createCertificate(ctx, deps, { schemeKey: 'miljofyrtarn', issuedOn: '2026-01-01', validUntil: '2029-01-01' }));
    expect(noHolder.details[0]!.field).toBe('holderUnitId');
    expect(await counts()).toEqual(before);
  });

  it('accepts a renewal that overlaps the certificate it supersedes, and another scheme for the same unit', async () => {
    const school = await unit('ungdomsskole-risenga'); // expiring 2026-12-20
    const [current] = await listCertificates(ctx, deps, { unitId: school, schemeKey: 'miljofyrtarn' });
    const renewal = await createCertificate(ctx, deps, { schemeKey: 'miljofyrtarn', holderUnitId: school, certificateNumber: 'MFT-R-1', issuer: 'Certnor AS', issuedOn: '2026-11-20', validUntil: '2029-11-20', supersedesId: current!.id });
    expect(renewal).toMatchObject({ verification: 'verified', status: 'certified', supersedesId: current!.id });
    const iso = await createCertificate(ctx, deps, { schemeKey: 'iso-14001', holderUnitId: school, issuedOn: '2026-01-01', validUntil: '2028-12-31' });
    expect(iso.status).toBe('certified');
    // A renewal issued before the one it renews is refused.
    const backwards = await appError(createCertificate(ctx, deps, { schemeKey: 'miljofyrtarn', holderUnitId: school, issuedOn: '2020-01-01', validUntil: '2022-01-01', supersedesId: renewal.id }));
    expect(backwards.details.map((d) => d.field)).toContain('supersedesId');
    // The renewal silences the expiry reminder.
    const reminders = await listReminders(ctx, deps, TODAY);
    expect(reminders.items.filter((r) => r.unitId === school && r.kind.startsWith('expires'))).toEqual([]);
  });

  it('checks evidence files: PDF or image, at most 10 MB; a bad file writes nothing', async () => {
    const [cert] = await listCertificates(ctx, deps, { unitId: await unit('skole-heggedal') });
    const before = await counts();
    const wrongType = await appError(addEvidence(ctx, deps, cert!.id, { filename: 'sertifikat.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: Buffer.from('PK\u0003\u0004') }));
    expect(wrongType).toMatchObject({ code: 'unsupported_media_type', message: 'Vedlegget må være PDF, PNG eller JPEG' });
    const fake = await appError(addEvidence(ctx, deps, cert!.id, { filename: 'sertifikat.pdf', contentType: 'application/pdf', data: Buffer.from('not a pdf at all') }));
    expect(fake.code).toBe('unsupported_media_type');
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await appError(addEvidence(ctx, deps, cert!.id, { filename: 'stor.pdf', contentType: 'application/pdf', data: big }));
    expect(tooLarge).toMatchObject({ code: 'payload_too_large', message: 'Vedlegget er for stort (høyst 10 MB)' });
    expect(await counts()).toEqual(before);
    const ok = await addEvidence(ctx, deps, cert!.id, { filename: 'sertifikat.pdf', contentType: 'application/pdf', data: PDF });
    expect(ok.evidence).toEqual([expect.objectContaining({ filename: 'sertifikat.pdf', contentType: 'application/pdf', size: PDF.length })]);
    expect((await counts()).evidence).toBe(before.evidence + 1);
  });

  it('refuses report values out of range (negative kWh, sorting rate above 100 %), saving nothing', async () => {
    const before = await counts();
    const u = await unit('skole-billingstad');
    const e = await appError(saveReport(ctx, deps, { unitId: u, year: 2026, values: { electricityKwh: -10, sortingRatePct: 104, heatedAreaM2: 100 }, submit: true }));
    expect(e.code).toBe('validation');
    expect(e.details).toEqual([
      { field: 'values.electricityKwh', message: 'Strøm kan ikke være negativ (−10 kWh)' },
      { field: 'values.sortingRatePct', message: 'Sorteringsgrad (oppgitt) kan ikke være over 100 % (104 %)' },
    ]);
    const future = await appError(saveReport(ctx, deps, { unitId: u, year: 2027, values: {} }));
    expect(future.details.map((d) => d.field)).toEqual(['year']);
    expect(await counts()).toEqual(before);
  });

  it('a unit manager delivers their own unit’s report with a greenhouse-gas account by scope, and nobody else’s', async () => {
    const mine = await unit('bhg-bleikerfaret');
    const manager = user({ role: 'unit_manager', unitId: mine, unitScope: [mine] });
    expect((await listReminders(manager, deps, TODAY)).items.map((r) => [r.kind, r.year])).toContainEqual(['report_missing', 2025]);
    const r = await saveReport(manager, deps, { unitId: mine, year: 2025, values: { electricityKwh: 100_000, heatedAreaM2: 800, dieselLitres: 100, carPrivateKm: 1000, flightKm: 2000, wasteResidualKg: 600, wasteFoodKg: 400, ecoLabelSharePct: 55 }, own: [{ name: 'Kjøttfrie dager per uke', value: 2, unit: 'dager' }], submit: true });
    expect(r.status).toBe('submitted');
    expect(r.submittedAt).toBe(NOW.toISOString());
    expect(r.derived.kwhPerM2).toBe(125);
    expect(r.derived.sortingRatePct).toBe(40);
    expect(r.ghg.scope2).toBeCloseTo(100_000 * 0.019); // NVE 2022, the newest factor on or before 2025
    expect(r.ghg.scope1).toBeCloseTo(100 * 2.66155);
    expect(r.ghg.scope3).toBeCloseTo(1000 * 0.17);
    expect(r.ghg.lines.find((l) => l.field === 'electricityKwh')!.factor).toMatchObject({ key: 'electricity-no-location-2022', year: 2022, publisher: expect.stringContaining('NVE') });
    expect(r.ghg.notCounted.map((n) => n.field)).toEqual(['flightKm']);
    expect((await listReminders(manager, deps, TODAY)).items.some((x) => x.kind === 'report_missing' && x.unitId === mine)).toBe(false);
    // Another unit's report, and the register of units, are not theirs to write.
    const other = await appError(saveReport(manager, deps, { unitId: await unit('skole-hvalstad'), year: 2025, values: { electricityKwh: 1 }, submit: true }));
    expect(other.code).toBe('forbidden');
    const cert = await appError(createCertificate(manager, deps, { schemeKey: 'iso-14001', holderUnitId: await unit('skole-hvalstad'), issuedOn: '2026-01-01', validUntil: '2028-12-31' }));
    expect(cert.code).toBe('forbidden');
    // Their own unit's certificate is registered as pending.
    const own = await createCertificate(manager, deps, { schemeKey: 'svanemerket', holderUnitId: mine, issuedOn: '2026-10-01', validUntil: '2029-09-30' });
    expect(own.verification).toBe('pending');
  });

  it('imports a year’s reports atomically with line errors, and idempotently', async () => {
    const before = await counts();
    const bad = '\uFEFFenhet;år;strom_kwh;sorteringsgrad_pst;restavfall_kg\r\nskole-hvalstad;2026;1 000;50;10\r\nukjent-enhet;2026;10;10;10\r\nskole-heggedal;2026;-5;101;10\r\nskole-drengsrud;2026;tolv;;\r\nskole-hvalstad;2026;1;1;1\r\n';
    const e = await appError(importReports(ctx, deps, 'rapporter.csv', Buffer.from(bad)));
    expect(e.code).toBe('import_failed');
    expect(e.details.map((d) => [d.line, d.field])).toEqual([
      [3, 'enhet'],
      [4, 'strom_kwh'],
      [4, 'sorteringsgrad_pst'],
      [5, 'strom_kwh'],
      [6, 'enhet'],
    ]);
    expect(e.details[4]!.message).toBe('Hvalstad skole 2026 står også på linje 2');
    expect(await counts()).toEqual(before);
    const good = 'enhet;år;strom_kwh;oppvarmet_areal_m2;restavfall_kg;matavfall_kg;levert_dato\r\nskole-hvalstad;2026;250 000,5;5000;1000;1000;15.01.2027\r\nskole-heggedal;2026;300000;6000;;;\r\n';
    // 2026 is the current year: its reports may be drafted now (the year is not in the future).
    const first = await importReports(ctx, deps, 'rapporter.csv', Buffer.from(good));
    expect(first).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0, format: 'csv' });
    const again = await importReports(ctx, deps, 'rapporter.csv', Buffer.from(good));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const hv = (await listReports(ctx, { year: 2026, unitId: await unit('skole-hvalstad') }))[0]!;
    expect(hv).toMatchObject({ values: expect.objectContaining({ electricityKwh: 250000.5 }), importFile: 'rapporter.csv', importLine: 2, submittedAt: '2027-01-15T12:00:00.000Z' });
    expect(hv.derived.sortingRatePct).toBe(50);
    // XLSX works the same way.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rapporter');
    ws.addRow(['Enhet', 'År', 'Strom_kwh', 'Sorteringsgrad_pst']);
    ws.addRow(['eiendom', 2026, 12345, 150]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const x = await appError(importReports(ctx, deps, 'rapporter.xlsx', xlsx));
    expect(x.details).toEqual([expect.objectContaining({ line: 2, field: 'sorteringsgrad_pst', message: 'Sorteringsgrad (oppgitt) kan ikke være over 100 % (150 %)' })]);
    const unknownColumn = await appError(importReports(ctx, deps, 'r.csv', Buffer.from('enhet;år;strøm\r\neiendom;2026;1\r\n')));
    expect(unknownColumn.details[0]).toMatchObject({ line: 1, field: 'strøm' });
  });

  it('a business user registers their own certificate; an editor verifies it, or rejects it with a reason', async () => {
    const holmsbu = await org('939375635');
    const business = user({ role: 'business', organisationId: holmsbu });
    const editor = user({ role: 'editor', domains: ['certification'] });
    const before = await businessCoverage(ctx, deps, TODAY);
    const mine = await createCertificate(business, deps, { schemeKey: 'miljofyrtarn', organisationId: holmsbu, certificateNumber: 'MFT-60001', issuer: 'Certnor AS', issuedOn: '2026-11-01', validUntil: '2029-11-01' });
    expect(mine).toMatchObject({ verification: 'pending', status: 'in_progress', holder: { kind: 'organisation', name: 'Holmsbu Fjordhotell AS' } });
    await addEvidence(business, deps, mine.id, { filename: 'miljofyrtarn.pdf', contentType: 'application/pdf', data: PDF });
    // Not someone else's organisation, and not the verification itself.
    expect((await appError(createCertificate(business, deps, { schemeKey: 'miljofyrtarn', organisationId: await org('927124238'), issuedOn: '2026-11-01', validUntil: '2029-11-01' }))).code).toBe('forbidden');
    expect((await appError(verifyCertificate(business, deps, mine.id, { decision: 'verified' }))).code).toBe('forbidden');
    expect((await listCertificates(business, deps)).map((c) => c.id)).toEqual([mine.id]);
    expect((await appError(listReports(business, {}))).code).toBe('forbidden');
    // The editor's queue has it; a rejection needs a reason.
    expect((await verificationQueue(editor, deps)).map((c) => c.id)).toContain(mine.id);
    expect((await appError(verifyCertificate(editor, deps, mine.id, { decision: 'rejected', reason: '' }))).details[0]!.field).toBe('reason');
    const ok = await verifyCertificate(editor, deps, mine.id, { decision: 'verified' });
    expect(ok).toMatchObject({ verification: 'verified', status: 'certified', verifiedBy: expect.stringContaining('Test') });
    expect((await appError(verifyCertificate(editor, deps, mine.id, { decision: 'verified' }))).code).toBe('conflict');
    expect((await businessCoverage(ctx, deps, TODAY)).certified).toBe(before.certified + 1);
    // A verified certificate is the municipality's to change now.
    expect((await appError(updateCertificate(business, deps, mine.id, { note: 'x' }))).code).toBe('forbidden');
    // Rejection: the reason is kept, and a correction by the business puts it back in the queue.
    const hyggen = await org('989862650');
    const farmer = user({ role: 'business', organisationId: hyggen });
    const [pending] = await listCertificates(farmer, deps);
    const rejected = await verifyCertificate(editor, deps, pending!.id, { decision: 'rejected', reason: 'Sertifikatet er ikke lagt ved.' });
    expect(rejected).toMatchObject({ verification: 'rejected', rejectionReason: 'Sertifikatet er ikke lagt ved.', status: 'none' });
    const fixed = await updateCertificate(farmer, deps, pending!.id, { certificateNumber: 'MFT-52905' });
    expect(fixed).toMatchObject({ verification: 'pending', rejectionReason: null });
  });

  it('lists uncertified local businesses by industry and size, with the contacts made', async () => {
    const editor = user({ role: 'editor', domains: ['certification'] });
    const hotels = await outreachList(editor, deps, { industry: '55' });
    expect(hotels.rows.map((r) => r.name)).toEqual(['Asker Torg Hotell AS', 'Filtvet Sjøhus AS']); // Holmsbu was verified above; Svanemerket does not count
    expect(hotels.rows[0]!.lastContact).toMatchObject({ channel: 'meeting', outcome: 'started' });
    const micro = await outreachList(editor, deps, { size: 'micro' });
    expect(micro.rows.every((r) => (r.employees ?? 0) <= 9)).toBe(true);
    expect(micro.rows.some((r) => r.name === 'TOMRA Systems ASA')).toBe(false);
    const filtvet = hotels.rows[1]!;
    await logContact(editor, { organisationId: filtvet.organisationId, date: TODAY, channel: 'phone', outcome: 'interested', note: 'Ønsker besøk i januar' });
    expect((await outreachList(editor, deps, { industry: '55.102' })).rows[0]).toMatchObject({ contacts: 2, lastContact: { date: TODAY, channel: 'phone' } });
    expect((await appError(logContact(editor, { organisationId: filtvet.organisationId, date: '2027-01-01', channel: 'phone', outcome: 'interested' }))).details[0]!.field).toBe('date');
    expect((await appError(outreachList(user({ role: 'editor', domains: ['foodwaste'] }), deps, {}))).code).toBe('forbidden');
  });

  it('counts named participants once, and keeps a unit manager to their own unit', async () => {
    const mine = await unit('skole-hvalstad');
    const manager = user({ role: 'unit_manager', unitId: mine, unitScope: [mine, await unit('skole-hvalstad-sfo')] });
    const t0 = await trainingOverview(ctx, TODAY);
    const session = t0.courses.find((c) => c.title.startsWith('Miljøambassadør'))!.sessions.at(-1)!;
    const before = t0.units.find((u) => u.unitId === mine)!;
    await recordParticipation(manager, { sessionId: session.id, unitId: mine, participants: 3, completed: 0, names: ['Kari Nordmann', 'Ola Hansen'] });
    const after = (await trainingOverview(ctx, TODAY)).units.find((u) => u.unitId === mine)!;
    expect(after.trained).toBe(Math.min(after.staff, before.trained + 2));
    const n = await counts();
    expect((await appError(recordParticipation(manager, { sessionId: session.id, unitId: await unit('skole-heggedal'), participants: 1, completed: 1 }))).code).toBe('forbidden');
    expect((await appError(recordParticipation(manager, { sessionId: session.id, unitId: mine, participants: 1, completed: 2 }))).details[0]!.field).toBe('completed');
    expect(await counts()).toEqual(n);
  });

  it('reminds of certificates expiring within 90 and 30 days, overdue renewals, lapses and missing reports, per unit', async () => {
    const all = await listReminders(ctx, deps, TODAY);
    const kinds = new Set(all.items.map((r) => r.kind));
    expect(kinds).toEqual(new Set(['expires_90', 'in_grace', 'lapsed', 'report_missing']));
    // Mellom-Nes skole's certificate runs to 2027-01-31: 65 days left today, 26 on 5 January.
    expect(all.items.find((r) => r.unitName === 'Mellom-Nes skole')).toMatchObject({ kind: 'expires_90', daysLeft: 65 });
    expect((await listReminders(ctx, deps, '2027-01-05')).items.find((r) => r.unitName === 'Mellom-Nes skole')).toMatchObject({ kind: 'expires_30', daysLeft: 26 });
    const grace = all.items.find((r) => r.kind === 'in_grace' && r.unitName === 'Vardåsen skole')!;
    expect(grace).toMatchObject({ date: '2027-01-15', recipients: [expect.objectContaining({ via: 'fallback', email: 'per-olav.strandmo@asker.example' })] });
    const lapsed = all.items.find((r) => r.kind === 'lapsed')!;
    expect(lapsed.unitName).toMatch(/Solgården|Vann og avløp/);
    const manager = user({ role: 'unit_manager', unitId: await unit('skole-hvalstad'), unitScope: [await unit('skole-hvalstad')] });
    for (const r of (await listReminders(manager, deps, TODAY)).items) expect(r.unitName).toBe('Hvalstad skole');
  });

  it('e-mails each recipient their reminders once a day, however often it runs', async () => {
    const sent: { to: unknown; subject: string; text: string }[] = [];
    const mailer = { send: async (m: { to: unknown; subject: string; text: string }) => (sent.push(m), { messageId: 'x', accepted: [], rejected: [] }), close: () => undefined };
    const digests = await buildCertificationDigests(ctx, deps, '2026-11-26', 'https://omstilling.asker.example');
    const editor = digests.find((d) => d.recipient.email === 'per-olav.strandmo@asker.example')!;
    expect(editor.subject).toMatch(/^Miljøsertifisering: \d+ påminnelser \(26\.11\.2026\)$/);
    expect(editor.text).toContain('https://omstilling.asker.example/certification/reminders');
    const first = await sendCertificationReminders(ctx, deps, mailer, '2026-11-26', 'https://omstilling.asker.example');
    expect(first).toMatchObject({ digests: digests.length, sent: digests.length, skipped: 0, failed: [] });
    const again = await sendCertificationReminders(ctx, deps, mailer, '2026-11-26', 'https://omstilling.asker.example');
    expect(again).toMatchObject({ sent: 0, skipped: digests.length });
    expect(sent).toHaveLength(digests.length);
  });

  it('gives the dashboard and a unit page everything an adviser needs', async () => {
    const o = await overview(ctx, deps, TODAY);
    expect(o.history.length).toBeGreaterThan(20);
    expect(o.history.at(-1)!.date).toBe(TODAY);
    expect(o.training.share!).toBeGreaterThan(0.2);
    expect(o.businesses.certified).toBeGreaterThan(5);
    expect(o.reports).toMatchObject({ year: 2025 });
    expect(o.reports.onTime).toBeLessThan(o.reports.owed);
    const page = await unitPage(ctx, deps, await unit('bhg-bleikerfaret'), TODAY);
    expect(page.certificates.filter((c) => c.schemeKey === 'miljofyrtarn').map((c) => c.certificateNumber)).toEqual(['MFT-2021-0412-2', 'MFT-2021-0412']);
    expect(page.reports.map((r) => r.year)).toEqual([2022, 2023, 2024, 2025]);
    expect(page.training.trained).toBeGreaterThanOrEqual(6);
  });

  it('lets an admin add a scheme with its own rules; others may not', async () => {
    const input = { key: 'klimapartnere', name: { nb: 'Klimapartnere', en: 'Climate Partners' }, validityMonths: 12, graceMonths: 1, annualReport: { month: 3, day: 1 }, surveillanceAuditsPerYear: 0, countsForCoverage: false, holders: ['organisation' as const] };
    const s = await createScheme(ctx, deps, input);
    expect(s).toMatchObject({ key: 'klimapartnere', builtIn: false, validityMonths: 12 });
    expect((await appError(createScheme(ctx, deps, input))).code).toBe('conflict');
    expect((await appError(createScheme(user({ role: 'editor', domains: ['certification'] }), deps, { ...input, key: 'annen' }))).code).toBe('forbidden');
    expect((await appError(createScheme(ctx, deps, { ...input, key: 'Ugyldig nøkkel', validityMonths: 0 }))).details.map((d) => d.field)).toEqual(['key', 'validityMonths']);
    const cert = await appError(createCertificate(ctx, deps, { schemeKey: 'klimapartnere', holderUnitId: await unit('hr'), issuedOn: '2026-01-01', validUntil: '2026-12-31' }));
    expect(cert.details[0]!.message).toBe('Klimapartnere kan ikke innehas av en kommunal enhet');
  });

  // The CLI opens its own database from DATABASE_URL (a file here); its services are tested on both engines above.
  (engine === 'sqlite' ? it : () => {})('prints every unit with its status and the coverage figures from the command line', async () => {
    const lines: string[] = [];
    const io = { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t) };
    const cliEnv = { DATABASE_URL: `sqlite:${(env.config.database as { file: string }).file}`, DATA_DIR: env.config.dataDir, STORAGE_DIR: env.config.storageDir, LOG_LEVEL: 'silent' };
    expect(await run(['certification', 'status', '--date', '2026-09-30', '--json'], cliEnv, io), lines.join('\n')).toBe(0);
    const out = JSON.parse(lines.join('\n'));
    const expected = (await statusOverview(ctx, deps, '2026-09-30')).coverage;
    expect(out.date).toBe('2026-09-30');
    expect(out.coverage).toMatchObject({ units: 128, certified: expected.certified, byStatus: expected.byStatus, staff: expected.staff, staffCovered: expected.staffCovered });
    expect(out.units.length).toBe((await organisationsRepository(ctx.scope).allUnits()).length);
    expect(out.units.find((u: { key: string }) => u.key === 'bhg-bleikerfaret')).toMatchObject({ status: 'certified', scheme: 'miljofyrtarn', coveredBy: 'Kommunale barnehager' });
    lines.length = 0;
    expect(await run(['certification', 'status', '--date', '2026-02-30'], cliEnv, io)).toBe(2);
    expect(await run(['certification', 'status'], cliEnv, io)).toBe(0);
    expect(lines.join('\n')).toMatch(/Enheter sertifisert: \d+ av 128/);
  });

  it('keeps everything in its municipality', async () => {
    const rows = await certificationRepository(ctx.scope).allCertificates();
    expect(rows.every((r) => r.municipality_id === ctx.scope.municipalityId)).toBe(true);
    const other = certificationRepository(new TenantScope(env.deps.db, 'another-municipality'));
    expect(await other.allCertificates()).toEqual([]);
    expect(await other.reports()).toEqual([]);
  });
});
