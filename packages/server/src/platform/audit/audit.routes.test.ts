import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../testing/databases.js';
import { multipartBody, startTestApp, type TestApp, type TestSession } from '../../testing/http.js';

interface Entry {
  id: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** What one write through the API must leave in the audit log. */
interface Expected {
  route: string;
  action: string;
  entityType: string;
  entityId: string;
  /** Fields the entry's before / after must hold (null: must be empty). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Public anonymous writes (footprint): recorded as «anonym», never with the caller's identity. */
  anonymous?: true;
}

describe.each(ENGINES)('audit log (%s)', (engine) => {
  let t: TestApp;
  let admin: TestSession;
  const expected: Expected[] = [];

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.login('admin@asker.example');
  });
  afterAll(() => t?.close());

  const send = async (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const res = await t.app.inject({ method, url, headers: admin.headers(), ...(payload === undefined ? {} : { payload: payload as object }) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.statusCode === 204 ? null : res.json();
  };
  const upload = async (url: string, fields: Record<string, string>, file: { name: string; data: string | Buffer; type: string }) => {
    const mp = await multipartBody(fields, file);
    const res = await t.app.inject({ method: 'POST', url, headers: admin.headers(mp.headers), payload: mp.payload });
    expect(res.statusCode, `POST ${url}: ${res.body}`).toBeOneOf([200, 201]);
    return res.json();
  };
  const newest = async (entityType: string, action: string) => (await t.deps.db.selectFrom('audit_log').select('entity_id').where('entity_type', '=', entityType).where('action', '=', action).orderBy('id', 'desc').executeTakeFirstOrThrow()).entity_id;

  it('records every create, update, delete and import made through the API', async () => {
    // users
    const user = await send('POST', '/api/users', { email: 'ny.bruker@asker.example', name: 'Ny Bruker', role: 'editor', domains: ['climate'], password: 'et-langt-passord-123' });
    expected.push({ route: 'POST /api/users', action: 'create', entityType: 'user', entityId: user.id, before: null, after: { email: 'ny.bruker@asker.example', role: 'editor' } });
    await send('PUT', `/api/users/${user.id}`, { email: 'ny.bruker@asker.example', name: 'Omdøpt Bruker', role: 'editor', domains: ['climate', 'foodwaste'] });
    expected.push({ route: 'PUT /api/users/:id', action: 'update', entityType: 'user', entityId: user.id, before: { name: 'Ny Bruker', domains: ['climate'] }, after: { name: 'Omdøpt Bruker', domains: ['climate', 'foodwaste'] } });
    // units
    const unit = await send('POST', '/api/units', { parentId: null, kind: 'sector', type: 'office', name: 'Enhet; med "sitat"' });
    expected.push({ route: 'POST /api/units', action: 'create', entityType: 'org_unit', entityId: unit.id, before: null, after: { name: 'Enhet; med "sitat"' } });
    await send('PUT', `/api/units/${unit.id}`, { parentId: null, kind: 'sector', type: 'office', name: 'Enhet omdøpt', staff: 12 });
    expected.push({ route: 'PUT /api/units/:id', action: 'update', entityType: 'org_unit', entityId: unit.id, before: { name: 'Enhet; med "sitat"', staff: 0 }, after: { name: 'Enhet omdøpt', staff: 12 } });
    // organisations
    const org = await send('POST', '/api/organisations', { orgNumber: '974760673', name: 'Revisjon AS', kind: 'business' });
    expected.push({ route: 'POST /api/organisations', action: 'create', entityType: 'organisation', entityId: org.id, before: null, after: { orgNumber: '974760673', name: 'Revisjon AS' } });
    await send('PUT', `/api/organisations/${org.id}`, { orgNumber: '974760673', name: 'Revisjon AS', kind: 'shop', employees: 3 });
    expected.push({ route: 'PUT /api/organisations/:id', action: 'update', entityType: 'organisation', entityId: org.id, before: { kind: 'business', employees: null }, after: { kind: 'shop', employees: 3 } });
    await send('DELETE', `/api/organisations/${org.id}`);
    expected.push({ route: 'DELETE /api/organisations/:id', action: 'delete', entityType: 'organisation', entityId: org.id, before: { name: 'Revisjon AS', kind: 'shop' }, after: null });
    const doc = { _embedded: { underenheter: [{ organisasjonsnummer: '222222222', navn: 'Fra Brreg', beliggenhetsadresse: { kommunenummer: '3203', adresse: ['Vei 1'] } }] } };
    await upload('/api/organisations/import/brreg', {}, { name: 'brreg.json', data: JSON.stringify(doc), type: 'application/json' });
    expected.push({ route: 'POST /api/organisations/import/brreg', action: 'import', entityType: 'organisation', entityId: 'brreg.json', after: { created: 1, updated: 0 } });
    // files
    const file = await upload('/api/files', { domain: 'climate' }, { name: 'bilag.pdf', data: '%PDF-1.4 bilag', type: 'application/pdf' });
    expected.push({ route: 'POST /api/files', action: 'create', entityType: 'file', entityId: file.id, before: null, after: { filename: 'bilag.pdf', size: 14 } });

    // program: a changed program file, a value recorded, replaced and removed, an import, an action log
    const programFile = JSON.parse(fs.readFileSync(path.join(t.deps.config.dataDir, 'programs/asker-sdg12.json'), 'utf8'));
    programFile.description = { nb: 'Endret beskrivelse', en: 'Changed description' };
    const imported = await upload('/api/programs/import', {}, { name: 'asker-sdg12.json', data: JSON.stringify(programFile), type: 'application/json' });
    expect(imported.updated).toBeGreaterThan(0);
    expected.push({ route: 'POST /api/programs/import', action: 'import', entityType: 'program', entityId: imported.programId, after: { key: 'asker-sdg12' } });
    const db = t.deps.db;
    const indicator = await db.selectFrom('indicator').select(['id', 'key']).where('source_kind', 'not in', ['computed', 'derived']).where('primary_source_id', 'is not', null).orderBy('key').executeTakeFirstOrThrow();
    const value = await send('POST', `/api/indicators/${indicator.id}/values`, { period: '2019', date: '2019-12-31', value: 41.5, note: 'første' });
    const valueId = value.id ?? (await newest('indicator_value', 'create'));
    expected.push({ route: 'POST /api/indicators/:id/values', action: 'create', entityType: 'indicator_value', entityId: valueId, before: null, after: { value: 41.5 } });
    await send('POST', `/api/indicators/${indicator.id}/values`, { period: '2019', date: '2019-12-31', value: 42, note: 'rettet' });
    expected.push({ route: 'POST /api/indicators/:id/values', action: 'update', entityType: 'indicator_value', entityId: valueId, before: { value: 41.5 }, after: { value: 42 } });
    await send('DELETE', `/api/values/${valueId}`);
    expected.push({ route: 'DELETE /api/values/:id', action: 'delete', entityType: 'indicator_value', entityId: valueId, before: { value: 42 }, after: null });
    await upload(`/api/programs/${imported.programId}/values/import`, {}, { name: 'verdier.csv', data: `indikator;periode;dato;verdi;merknad\r\n${indicator.key};2018;2018-12-31;7;fra fil\r\n`, type: 'text/csv' });
    expected.push({ route: 'POST /api/programs/:id/values/import', action: 'import', entityType: 'indicator_value', entityId: `asker-sdg12:verdier.csv`, after: {} });
    // An open-data source from a JSON-stat file beside the indicator's own, then chosen as its own.
    const jsonstat = { version: '2.0', class: 'dataset', label: 'Test', source: 'SSB', id: ['Region', 'Tid'], size: [1, 2], dimension: { Region: { category: { index: { '3203': 0 } } }, Tid: { category: { index: { '2020': 0, '2021': 1 } } } }, value: [1, 2] };
    const source = await upload(`/api/indicators/${indicator.id}/sources/jsonstat`, { filter: 'Region=3203' }, { name: 'ssb.json', data: JSON.stringify(jsonstat), type: 'application/json' });
    expected.push({ route: 'POST /api/indicators/:id/sources/jsonstat', action: 'import', entityType: 'indicator_source', entityId: source.sourceId, after: { values: 2 } });
    const table = await upload(`/api/indicators/${indicator.id}/sources/table`, { municipalityColumn: 'Kommunenummer', yearColumn: 'År', valueColumn: 'Tonn', producer: 'Miljødirektoratet' }, { name: 'utslipp.csv', data: 'Kommunenummer;År;Tonn\r\n3203;2020;5\r\n', type: 'text/csv' });
    expected.push({ route: 'POST /api/indicators/:id/sources/table', action: 'import', entityType: 'indicator_source', entityId: table.sourceId, after: { values: 1 } });
    await send('PUT', `/api/indicators/${indicator.id}/primary-source`, { sourceId: source.sourceId });
    expected.push({ route: 'PUT /api/indicators/:id/primary-source', action: 'update', entityType: 'indicator', entityId: indicator.id, after: { primarySourceId: source.sourceId } });
    const action = await db.selectFrom('program_action').select('id').orderBy('key').executeTakeFirstOrThrow();
    const log = await send('POST', `/api/actions/${action.id}/log`, { date: '2024-05-01', kind: 'update', text: 'Status fra revisjonstesten' });
    expected.push({ route: 'POST /api/actions/:id/log', action: 'create', entityType: 'action_log', entityId: log.id ?? (await newest('action_log', 'create')), after: {} });

    // certification: a scheme, a certificate (changed, evidence attached), one registered by a unit
    // manager and verified, an annual report saved twice and imported, training, outreach
    const scheme = await send('POST', '/api/certification/schemes', { key: 'revisjonsordning', name: { nb: 'Revisjonsordning', en: 'Audit scheme' }, validityMonths: 36, graceMonths: 3, annualReport: null, surveillanceAuditsPerYear: 0, countsForCoverage: true, holders: ['unit', 'organisation'] });
    expected.push({ route: 'POST /api/certification/schemes', action: 'create', entityType: 'cert_scheme', entityId: scheme.key ?? 'revisjonsordning', before: null, after: {} });
    const askerId = (await db.selectFrom('municipality').select('id').where('slug', '=', 'asker').executeTakeFirstOrThrow()).id;
    const unitId = async (key: string) => (await db.selectFrom('org_unit').select('id').where('municipality_id', '=', askerId).where('key', '=', key).executeTakeFirstOrThrow()).id;
    const [hvalstad, bleikerfaret] = [await unitId('skole-hvalstad'), await unitId('bhg-bleikerfaret')];
    const cert = await send('POST', '/api/certification/certificates', { schemeKey: 'revisjonsordning', holderUnitId: hvalstad, certificateNumber: 'R-1', issuedOn: '2024-01-15', validUntil: '2027-01-15' });
    expected.push({ route: 'POST /api/certification/certificates', action: 'create', entityType: 'cert_certificate', entityId: cert.id, before: null, after: {} });
    await send('PATCH', `/api/certification/certificates/${cert.id}`, { certificateNumber: 'R-2' });
    expected.push({ route: 'PATCH /api/certification/certificates/:id', action: 'update', entityType: 'cert_certificate', entityId: cert.id, before: { certificateNumber: 'R-1' }, after: { certificateNumber: 'R-2' } });
    await upload(`/api/certification/certificates/${cert.id}/evidence`, {}, { name: 'sertifikat.pdf', data: '%PDF-1.4 sertifikat', type: 'application/pdf' });
    expected.push({ route: 'POST /api/certification/certificates/:id/evidence', action: 'update', entityType: 'cert_certificate', entityId: cert.id, after: {} });
    const manager = await t.login('eirik.hovdenak@asker.example');
    const pendingRes = await t.app.inject({ method: 'POST', url: '/api/certification/certificates', headers: manager.headers(), payload: { schemeKey: 'revisjonsordning', holderUnitId: bleikerfaret, issuedOn: '2024-02-01', validUntil: '2027-02-01' } });
    expect(pendingRes.statusCode, pendingRes.body).toBe(201);
    const pending = pendingRes.json();
    await send('POST', `/api/certification/certificates/${pending.id}/verify`, { decision: 'verified' });
    expected.push({ route: 'POST /api/certification/certificates/:id/verify', action: 'update', entityType: 'cert_certificate', entityId: pending.id, before: { verification: 'pending' }, after: { verification: 'verified' } });
    // A year the demo has no report for, so that the first save creates one.
    const taken = new Set((await db.selectFrom('cert_report').select('year').where('unit_id', '=', hvalstad).execute()).map((r) => Number(r.year)));
    const year = [2024, 2023, 2022, 2021, 2020, 2019].find((y) => !taken.has(y))!;
    const report = await send('POST', '/api/certification/reports', { unitId: hvalstad, year, values: { electricityKwh: 1000 } });
    expected.push({ route: 'POST /api/certification/reports', action: 'create', entityType: 'cert_report', entityId: report.id, before: null, after: { year } });
    await send('POST', '/api/certification/reports', { unitId: hvalstad, year, values: { electricityKwh: 1200 } });
    expected.push({ route: 'POST /api/certification/reports', action: 'update', entityType: 'cert_report', entityId: report.id, before: { year }, after: { year } });
    await upload('/api/certification/reports/import', {}, { name: 'arsrapporter.csv', data: 'enhet;år;strom_kwh\r\nbhg-bleikerfaret;2022;4321\r\n', type: 'text/csv' });
    expected.push({ route: 'POST /api/certification/reports/import', action: 'import', entityType: 'cert_report', entityId: 'arsrapporter.csv', after: {} });
    const course = await send('POST', '/api/certification/courses', { title: 'Revisjonskurs', theme: 'Miljøledelse', hours: 2 });
    expected.push({ route: 'POST /api/certification/courses', action: 'create', entityType: 'cert_course', entityId: course.id, before: null, after: { title: 'Revisjonskurs' } });
    const session = await send('POST', '/api/certification/sessions', { courseId: course.id, date: '2024-03-01', format: 'classroom' });
    expected.push({ route: 'POST /api/certification/sessions', action: 'create', entityType: 'cert_session', entityId: session.id, before: null, after: { date: '2024-03-01' } });
    await send('POST', '/api/certification/participations', { sessionId: session.id, unitId: hvalstad, participants: 5, completed: 4 });
    const participation = await newest('cert_participation', 'create');
    expected.push({ route: 'POST /api/certification/participations', action: 'create', entityType: 'cert_participation', entityId: participation, before: null, after: {} });
    await send('POST', '/api/certification/participations', { sessionId: session.id, unitId: hvalstad, participants: 5, completed: 5 });
    expected.push({ route: 'POST /api/certification/participations', action: 'update', entityType: 'cert_participation', entityId: participation, before: { completed: 4 }, after: { completed: 5 } });
    const business = (await db.selectFrom('organisation').select('id').where('municipality_id', '=', askerId).where('org_number', '=', '989862650').executeTakeFirstOrThrow()).id;
    const contact = await send('POST', '/api/certification/outreach', { organisationId: business, date: '2024-04-01', channel: 'phone', outcome: 'interested' });
    expected.push({ route: 'POST /api/certification/outreach', action: 'create', entityType: 'cert_outreach', entityId: contact.id ?? (await newest('cert_outreach', 'create')), before: null, after: {} });

    // grant rounds: a call closing in a moment, an application, a review, the decision after the deadline, the grantee's report
    const applicant = (await db.selectFrom('organisation').select('id').where('municipality_id', '=', askerId).where('org_number', '=', '910805630').executeTakeFirstOrThrow()).id;
    const grantCall = await send('POST', '/api/enterprise/calls', { title: 'Revisjonsrunde', opensAt: new Date(Date.now() - 3_600_000).toISOString(), deadline: new Date(Date.now() + 1_500).toISOString(), budgetNok: 100_000, minReviewers: 1, criteria: [{ key: 'effect', name: 'Effekt', weight: 100, maxScore: 6 }] });
    expected.push({ route: 'POST /api/enterprise/calls', action: 'create', entityType: 'ent_call', entityId: grantCall.id, before: null, after: { title: 'Revisjonsrunde' } });
    const grantApp = await send('POST', `/api/enterprise/calls/${grantCall.id}/applications`, { organisationId: applicant, title: 'Revisjonssøknad', summary: 'En søknad som bare finnes for å revidere loggen.', amountNok: 10_000 });
    expected.push({ route: 'POST /api/enterprise/calls/:id/applications', action: 'create', entityType: 'ent_application', entityId: grantApp.id, before: null, after: { state: 'submitted' } });
    const grantReview = await send('POST', `/api/enterprise/applications/${grantApp.id}/reviews`, { conflict: false, scores: { effect: 4 } });
    expected.push({ route: 'POST /api/enterprise/applications/:id/reviews', action: 'create', entityType: 'ent_review', entityId: grantReview.id, before: null, after: { conflict: false } });
    await new Promise((r) => setTimeout(r, 1_600)); // past the deadline
    await send('POST', `/api/enterprise/applications/${grantApp.id}/decision`, { decision: 'granted', grantedNok: 10_000 });
    expected.push({ route: 'POST /api/enterprise/applications/:id/decision', action: 'update', entityType: 'ent_application', entityId: grantApp.id, before: { state: 'submitted' }, after: { state: 'granted' } });
    const grantReport = await send('POST', `/api/enterprise/applications/${grantApp.id}/reports`, { text: 'Tilskuddet ble brukt til revisjon av revisjonsloggen.' });
    expected.push({ route: 'POST /api/enterprise/applications/:id/reports', action: 'create', entityType: 'ent_report', entityId: grantReport.id, before: null, after: { state: 'reported' } });

    // the register of social enterprises and green start-ups, a way of working, a youth company, the cluster
    const venture = await send('POST', '/api/enterprise/ventures', { name: 'Revisjonsverkstedet', orgNumber: null, kind: 'social', activity: 'Reparerer revisjonslogger', impactArea: 'Ombruk', sdgs: [12] });
    expected.push({ route: 'POST /api/enterprise/ventures', action: 'create', entityType: 'ent_venture', entityId: venture.id, before: null, after: { name: 'Revisjonsverkstedet', kind: 'social' } });
    await send('PUT', `/api/enterprise/ventures/${venture.id}`, { name: 'Revisjonsverkstedet', orgNumber: null, kind: 'both', activity: 'Reparerer revisjonslogger', impactArea: 'Ombruk', sdgs: [12, 13] });
    expected.push({ route: 'PUT /api/enterprise/ventures/:id', action: 'update', entityType: 'ent_venture', entityId: venture.id, before: { kind: 'social' }, after: { kind: 'both' } });
    const engagement = await send('POST', `/api/enterprise/ventures/${venture.id}/engagements`, { kind: 'reserved_contract', title: 'Revisjonskontrakt', startDate: '2026-01-01', endDate: '2026-12-31', valueNok: 100_000 });
    expected.push({ route: 'POST /api/enterprise/ventures/:id/engagements', action: 'create', entityType: 'ent_engagement', entityId: engagement.id, before: null, after: { kind: 'reserved_contract', valueNok: 100_000 } });
    const youth = await send('POST', '/api/enterprise/youth-companies', { name: 'Revisjon UB', schoolName: 'Revisjonsskolen', year: 2026, idea: 'Elever reviderer loggen', participants: 4, outcome: 'ongoing', support: 'Veiledning' });
    expected.push({ route: 'POST /api/enterprise/youth-companies', action: 'create', entityType: 'ent_youth_company', entityId: youth.id, before: null, after: { year: 2026, outcome: 'ongoing' } });
    await send('PUT', `/api/enterprise/youth-companies/${youth.id}`, { name: 'Revisjon UB', schoolName: 'Revisjonsskolen', year: 2026, idea: 'Elever reviderer loggen', participants: 4, outcome: 'completed', support: 'Veiledning' });
    expected.push({ route: 'PUT /api/enterprise/youth-companies/:id', action: 'update', entityType: 'ent_youth_company', entityId: youth.id, before: { outcome: 'ongoing' }, after: { outcome: 'completed' } });
    const memberA = await send('POST', '/api/enterprise/cluster/members', { organisationId: applicant, theme: 'circular_economy', joinedOn: '2026-01-01', description: 'Reparerer det meste' });
    expected.push({ route: 'POST /api/enterprise/cluster/members', action: 'create', entityType: 'ent_cluster_member', entityId: memberA.id, before: null, after: { theme: 'circular_economy' } });
    await send('PUT', `/api/enterprise/cluster-members/${memberA.id}`, { theme: 'bioeconomy', joinedOn: '2026-01-01', description: 'Reparerer det meste' });
    expected.push({ route: 'PUT /api/enterprise/cluster-members/:id', action: 'update', entityType: 'ent_cluster_member', entityId: memberA.id, before: { theme: 'circular_economy' }, after: { theme: 'bioeconomy' } });
    const tomra = (await db.selectFrom('organisation').select('id').where('municipality_id', '=', askerId).where('org_number', '=', '927124238').executeTakeFirstOrThrow()).id;
    const clusterEvent = await send('POST', '/api/enterprise/cluster/events', { title: 'Revisjonsmøte', date: '2026-02-01', participantIds: [applicant, tomra] });
    expected.push({ route: 'POST /api/enterprise/cluster/events', action: 'create', entityType: 'ent_cluster_event', entityId: clusterEvent.id, before: null, after: { participants: 2 } });
    const clusterProject = await send('POST', '/api/enterprise/cluster/projects', { title: 'Revisjonsprosjekt', description: 'To medlemmer reviderer sammen', theme: 'bioeconomy', startDate: '2026-02-01', memberIds: [applicant, tomra] });
    expected.push({ route: 'POST /api/enterprise/cluster/projects', action: 'create', entityType: 'ent_cluster_project', entityId: clusterProject.id, before: null, after: { members: 2 } });

    // apprenticeships: a place registered, then filled
    const appr = await send('POST', '/api/apprenticeships/places', { unitId: hvalstad, tradeKey: 'kokkfaget', startDate: '2024-08-15', endDate: '2026-08-14', status: 'open' });
    expected.push({ route: 'POST /api/apprenticeships/places', action: 'create', entityType: 'appr_place', entityId: appr.id, before: null, after: { status: 'open' } });
    await send('PATCH', `/api/apprenticeships/places/${appr.id}`, { status: 'filled', contractRef: 'REV-2024-1' });
    expected.push({ route: 'PATCH /api/apprenticeships/places/:id', action: 'update', entityType: 'appr_place', entityId: appr.id, before: { status: 'open' }, after: { status: 'filled' } });

    // services (C2): the catalogue copied and a measure added and edited; a unit's area; an adoption, its status changed, a report
    const svcRef = await send('POST', '/api/services/measures/reference');
    expected.push({ route: 'POST /api/services/measures/reference', action: 'import', entityType: 'svc_measure', entityId: 'reference-catalogue', before: null, after: { added: svcRef.added } });
    const svcMeasure = await send('POST', '/api/services/measures', { titleNb: 'Revisjonsdag', titleEn: 'Audit day', descriptionNb: 'En dag i året der elevene reviderer kantina.', areas: ['school'], programPoints: ['C2'] });
    expected.push({ route: 'POST /api/services/measures', action: 'create', entityType: 'svc_measure', entityId: svcMeasure.id, before: null, after: { key: 'revisjonsdag' } });
    await send('PATCH', `/api/services/measures/${svcMeasure.id}`, { titleNb: 'Revisjonsdag i kantina' });
    expected.push({ route: 'PATCH /api/services/measures/:id', action: 'update', entityType: 'svc_measure', entityId: svcMeasure.id, before: { titleNb: 'Revisjonsdag' }, after: { titleNb: 'Revisjonsdag i kantina' } });
    await send('PATCH', `/api/services/units/${hvalstad}/area`, { area: 'school' });
    expected.push({ route: 'PATCH /api/services/units/:id/area', action: 'update', entityType: 'org_unit', entityId: hvalstad, after: { serviceArea: 'school' } });
    const svcAdoption = await send('POST', '/api/services/adoptions', { unitId: hvalstad, measureId: svcMeasure.id, adoptedOn: '2025-01-10', status: 'active' });
    expected.push({ route: 'POST /api/services/adoptions', action: 'create', entityType: 'svc_adoption', entityId: svcAdoption.id, before: null, after: { status: 'active' } });
    const svcReport = await send('POST', `/api/services/adoptions/${svcAdoption.id}/reports`, { date: '2025-03-01', text: 'Elevene reviderte kantina og fant lite svinn.', participants: 28 });
    expected.push({ route: 'POST /api/services/adoptions/:id/reports', action: 'create', entityType: 'svc_report', entityId: svcReport.id, before: null, after: { date: '2025-03-01', participants: 28 } });
    await send('PATCH', `/api/services/adoptions/${svcAdoption.id}`, { status: 'paused', date: '2025-06-01' });
    expected.push({ route: 'PATCH /api/services/adoptions/:id', action: 'update', entityType: 'svc_adoption', entityId: svcAdoption.id, before: { status: 'active' }, after: { status: 'paused' } });

    // food waste: a kitchen, a registration, activity twice, an import, an offer claimed and collected, another claimed and not collected
    const stage = await send('POST', '/api/foodwaste/list-items', { list: 'stages', labelNb: 'Kantinedisk', labelEn: 'Canteen counter' });
    expected.push({ route: 'POST /api/foodwaste/list-items', action: 'create', entityType: 'fw_list_item', entityId: stage.id, before: null, after: { key: 'kantinedisk' } });
    await send('PUT', `/api/foodwaste/list-items/${stage.id}`, { active: false });
    expected.push({ route: 'PUT /api/foodwaste/list-items/:id', action: 'update', entityType: 'fw_list_item', entityId: stage.id, before: { active: true }, after: { active: false } });
    const kitchen = await send('POST', '/api/foodwaste/kitchens', { name: 'Revisjonskjøkken', kind: 'school', unitId: hvalstad, activityKind: 'portions' });
    expected.push({ route: 'POST /api/foodwaste/kitchens', action: 'create', entityType: 'fw_kitchen', entityId: kitchen.id, after: { name: 'Revisjonskjøkken' } });
    const registration = await send('POST', '/api/foodwaste/registrations', { kitchenId: kitchen.id, date: '2024-05-02', stage: 'plate', category: 'dinner', reason: 'overproduction', destination: 'biogas', kg: 1.5 });
    expected.push({ route: 'POST /api/foodwaste/registrations', action: 'create', entityType: 'fw_registration', entityId: registration.id, after: { kg: 1.5 } });
    const activity = await send('POST', '/api/foodwaste/activity', { kitchenId: kitchen.id, date: '2024-05-02', amount: 100 });
    expected.push({ route: 'POST /api/foodwaste/activity', action: 'create', entityType: 'fw_activity', entityId: activity.id, before: null, after: { amount: 100 } });
    await send('POST', '/api/foodwaste/activity', { kitchenId: kitchen.id, date: '2024-05-02', amount: 120 });
    expected.push({ route: 'POST /api/foodwaste/activity', action: 'update', entityType: 'fw_activity', entityId: activity.id, before: { amount: 100 }, after: { amount: 120 } });
    await upload('/api/foodwaste/registrations/import', {}, { name: 'vekt.csv', data: 'kjøkken;dato;ledd;kategori;årsak;mottak;kg\r\nRevisjonskjøkken;2024-05-03;plate;dinner;overproduction;biogas;2,5\r\n', type: 'text/csv' });
    expected.push({ route: 'POST /api/foodwaste/registrations/import', action: 'import', entityType: 'fw_registration', entityId: 'vekt.csv', after: { created: 1 } });
    const receiver = (await db.selectFrom('organisation').select('id').where('municipality_id', '=', askerId).where('org_number', '=', '949994902').executeTakeFirstOrThrow()).id;
    const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const offerBody = { kitchenId: kitchen.id, title: 'Skolebrød', kg: 4, bestBefore: inHours(48).slice(0, 10), pickupFrom: inHours(1), pickupTo: inHours(5), place: 'Skolekjøkkenet' };
    const offer = await send('POST', '/api/foodwaste/offers', offerBody);
    expected.push({ route: 'POST /api/foodwaste/offers', action: 'create', entityType: 'fw_offer', entityId: offer.id, before: null, after: { status: 'open' } });
    await send('POST', `/api/foodwaste/offers/${offer.id}/claim`, { receiverOrganisationId: receiver });
    expected.push({ route: 'POST /api/foodwaste/offers/:id/claim', action: 'update', entityType: 'fw_offer', entityId: offer.id, before: { status: 'open' }, after: { status: 'claimed', receiverOrganisationId: receiver } });
    await send('POST', `/api/foodwaste/offers/${offer.id}/collected`);
    expected.push({ route: 'POST /api/foodwaste/offers/:id/collected', action: 'update', entityType: 'fw_offer', entityId: offer.id, before: { status: 'claimed' }, after: { status: 'collected' } });
    const missed = await send('POST', '/api/foodwaste/offers', offerBody);
    await send('POST', `/api/foodwaste/offers/${missed.id}/claim`, { receiverOrganisationId: receiver });
    await send('POST', `/api/foodwaste/offers/${missed.id}/no-show`);
    expected.push({ route: 'POST /api/foodwaste/offers/:id/no-show', action: 'update', entityType: 'fw_offer', entityId: missed.id, before: { status: 'claimed' }, after: { status: 'no_show' } });
    // Footprint: public, anonymous writes (the signed-in admin is recorded as «anonym», never by identity).
    const shared = await send('POST', '/api/public/footprint/results', { answers: { 'food.diet': 'vegan' }, district: 'heggedal' });
    expected.push({ route: 'POST /api/public/footprint/results', action: 'create', entityType: 'fp_submission', entityId: shared.id, before: null, after: { district: 'heggedal' }, anonymous: true });
    await send('POST', '/api/public/footprint/pledges', { actions: ['fly_less'] });
    expected.push({ route: 'POST /api/public/footprint/pledges', action: 'create', entityType: 'fp_pledge', entityId: await newest('fp_pledge', 'create'), before: null, after: { actions: ['fly_less'] }, anonymous: true });
    // Campaign: themes and events by an editor; registrations, posts and reports anonymous; moderation by a moderator.
    const cmpTheme = await send('POST', '/api/campaign/themes', { titleNb: 'Revisjonstema', textNb: 'Tekst', moderation: 'pre', open: true });
    expected.push({ route: 'POST /api/campaign/themes', action: 'create', entityType: 'cmp_theme', entityId: cmpTheme.id, before: null, after: { title: 'Revisjonstema', moderation: 'pre' } });
    await send('PATCH', `/api/campaign/themes/${cmpTheme.id}`, { titleNb: 'Revisjonstema', textNb: 'Tekst', moderation: 'post', open: true });
    expected.push({ route: 'PATCH /api/campaign/themes/:id', action: 'update', entityType: 'cmp_theme', entityId: cmpTheme.id, before: { moderation: 'pre' }, after: { moderation: 'post' } });
    const cmpEvent = await send('POST', '/api/campaign/events', { themeId: cmpTheme.id, kind: 'workshop', title: 'Revisjonsverksted', place: 'Rådhuset', startsAt: '2031-01-01T10:00:00Z', endsAt: '2031-01-01T12:00:00Z', capacity: 10 });
    expected.push({ route: 'POST /api/campaign/events', action: 'create', entityType: 'cmp_event', entityId: cmpEvent.id, before: null, after: { capacity: 10 } });
    await send('PATCH', `/api/campaign/events/${cmpEvent.id}`, { themeId: cmpTheme.id, kind: 'workshop', title: 'Revisjonsverksted', place: 'Rådhuset', startsAt: '2031-01-01T10:00:00Z', endsAt: '2031-01-01T12:00:00Z', capacity: 12 });
    expected.push({ route: 'PATCH /api/campaign/events/:id', action: 'update', entityType: 'cmp_event', entityId: cmpEvent.id, before: { capacity: 10 }, after: { capacity: 12 } });
    const cmpReg = await send('POST', `/api/public/campaign/events/${cmpEvent.id}/registrations`, { name: 'Revisor', seats: 2 });
    expected.push({ route: 'POST /api/public/campaign/events/:id/registrations', action: 'create', entityType: 'cmp_registration', entityId: cmpReg.id, before: null, after: { seats: 2 }, anonymous: true });
    await send('POST', '/api/public/campaign/registrations/cancel', { code: cmpReg.cancelCode });
    expected.push({ route: 'POST /api/public/campaign/registrations/cancel', action: 'update', entityType: 'cmp_registration', entityId: cmpReg.id, before: { status: 'active' }, after: { status: 'cancelled' }, anonymous: true });
    const { issueFormToken } = await import('../../campaign/campaign.service.js');
    const cmpPost = await send('POST', `/api/public/campaign/themes/${cmpTheme.id}/posts`, { displayName: 'Revisor', title: 'Revisjonstråd', body: 'Et innlegg til revisjonen.', acceptedConduct: true, formToken: issueFormToken(t.deps.config.sessionSecret, Date.now() - 60_000) });
    expected.push({ route: 'POST /api/public/campaign/themes/:id/posts', action: 'create', entityType: 'cmp_post', entityId: cmpPost.id, before: null, after: { status: 'visible' }, anonymous: true });
    const cmpReport = await send('POST', `/api/public/campaign/posts/${cmpPost.id}/reports`, { reason: 'spam' });
    expected.push({ route: 'POST /api/public/campaign/posts/:id/reports', action: 'create', entityType: 'cmp_report', entityId: cmpReport.id, before: null, after: { reason: 'spam' }, anonymous: true });
    await send('POST', `/api/campaign/posts/${cmpPost.id}/moderation`, { action: 'hide', reason: 'Revisjon' });
    expected.push({ route: 'POST /api/campaign/posts/:id/moderation', action: 'update', entityType: 'cmp_post', entityId: cmpPost.id, before: { status: 'visible' }, after: { status: 'hidden', reason: 'Revisjon' } });

    // Procurement: the library, a tender from draft to award, bids, a follow-up outcome, OCDS import.
    const criterion = await send('POST', '/api/procurement/library', { key: 'audit-krav', productGroup: 'general', type: 'contract_condition', level: 'basic', title: 'Revisjonskrav', text: 'Tekst', documentation: 'Rapport', verification: 'Revisjon', cpv: ['50000000-5'] });
    expected.push({ route: 'POST /api/procurement/library', action: 'create', entityType: 'pr_criterion', entityId: criterion.id, after: { key: 'audit-krav' } });
    await send('PUT', `/api/procurement/library/${criterion.id}`, { key: 'audit-krav', productGroup: 'general', type: 'contract_condition', level: 'basic', title: 'Revisjonskrav, endret', text: 'Tekst', documentation: 'Rapport', verification: 'Revisjon', cpv: ['50000000-5'] });
    expected.push({ route: 'PUT /api/procurement/library/:id', action: 'update', entityType: 'pr_criterion', entityId: criterion.id, before: { title: 'Revisjonskrav' }, after: { title: 'Revisjonskrav, endret' } });
    await send('POST', '/api/procurement/library/load-starter');
    expected.push({ route: 'POST /api/procurement/library/load-starter', action: 'import', entityType: 'pr_criterion', entityId: 'criteria.json', after: { created: 0 } });
    const tenderBody = { reference: 'REV-1', title: 'Revisjonsanskaffelse', cpv: '50000000-5', estimatedValueNok: 500000, procedure: 'open', priceModel: { kind: 'proportional', maxPoints: 10 }, criteria: [{ id: 'price', kind: 'price', name: 'Pris', weight: 70 }, { id: 'env', kind: 'environment', name: 'Miljø', weight: 30 }], requirementKeys: ['audit-krav'] };
    const tender = await send('POST', '/api/procurement/tenders', tenderBody);
    expected.push({ route: 'POST /api/procurement/tenders', action: 'create', entityType: 'pr_tender', entityId: tender.id, after: { reference: 'REV-1' } });
    await send('PUT', `/api/procurement/tenders/${tender.id}`, { ...tenderBody, title: 'Revisjonsanskaffelse 2' });
    expected.push({ route: 'PUT /api/procurement/tenders/:id', action: 'update', entityType: 'pr_tender', entityId: tender.id, before: { title: 'Revisjonsanskaffelse' }, after: { title: 'Revisjonsanskaffelse 2' } });
    await send('POST', `/api/procurement/tenders/${tender.id}/publish`, {});
    expected.push({ route: 'POST /api/procurement/tenders/:id/publish', action: 'publish', entityType: 'pr_tender', entityId: tender.id, before: { status: 'draft' }, after: { status: 'published' } });
    const bidA = await send('POST', `/api/procurement/tenders/${tender.id}/bids`, { label: 'A', supplierName: 'Leverandør A', priceNok: 400000, points: { env: 5 } });
    expected.push({ route: 'POST /api/procurement/tenders/:id/bids', action: 'create', entityType: 'pr_bid', entityId: bidA.id, after: { label: 'A' } });
    const bidB = await send('POST', `/api/procurement/tenders/${tender.id}/bids`, { label: 'B', supplierName: 'Leverandør B', priceNok: 450000, points: { env: 9 } });
    await send('DELETE', `/api/procurement/bids/${bidB.id}`);
    expected.push({ route: 'DELETE /api/procurement/bids/:id', action: 'delete', entityType: 'pr_bid', entityId: bidB.id, before: { label: 'B' } });
    const contract = await send('POST', `/api/procurement/tenders/${tender.id}/award`, { bidId: bidA.id, startDate: '2026-01-01', endDate: '2026-12-31' });
    expected.push({ route: 'POST /api/procurement/tenders/:id/award', action: 'award', entityType: 'pr_tender', entityId: tender.id, after: { bid: 'A' } });
    await send('POST', `/api/procurement/follow-ups/${contract.followUps[0].id}/outcome`, { outcome: 'met', checkedOn: '2026-03-01' });
    expected.push({ route: 'POST /api/procurement/follow-ups/:id/outcome', action: 'update', entityType: 'pr_follow_up', entityId: contract.followUps[0].id, before: { outcome: null }, after: { outcome: 'met' } });
    const ocds = JSON.parse(fs.readFileSync(path.join(t.deps.config.dataDir, 'reference', 'procurement', 'ocds-1.1.5', 'examples', 'easy_releases__worked_example1__tender.json'), 'utf8'));
    await send('POST', '/api/procurement/ocds/import', ocds);
    expected.push({ route: 'POST /api/procurement/ocds/import', action: 'import', entityType: 'pr_tender', entityId: 'ocds.json', after: { created: 1 } });

    const ledger = await upload('/api/climate/imports', {}, { name: 'hovedbok-2022.csv', data: 'dato;ansvar;art;funksjon;belop\r\n2022-03-01;1000;115;202;1 000,00\r\n', type: 'text/csv' });
    expected.push({ route: 'POST /api/climate/imports', action: 'import', entityType: 'climate_import', entityId: ledger.importId });
    await send('PUT', '/api/climate/ansvar', { rows: [{ ansvar: '1000', unitKey: 'skole-hvalstad' }] });
    expected.push({ route: 'PUT /api/climate/ansvar', action: 'update', entityType: 'climate_ansvar_unit', entityId: 'ansvar' });
    await send('PUT', '/api/climate/mapping', { art: '120', category: 'stationery', rationale: 'Mest papir og kontorrekvisita hos oss' });
    expected.push({ route: 'PUT /api/climate/mapping', action: 'update', entityType: 'climate_art_mapping', entityId: '120/', after: { category: 'stationery' } });
    await send('PUT', '/api/climate/supplier-factors', { orgnr: '974760673', year: 2024, kgPerNok: 0.02, source: 'Klimaregnskap 2024' });
    expected.push({ route: 'PUT /api/climate/supplier-factors', action: 'update', entityType: 'climate_supplier_factor', entityId: '974760673/2024', after: { kgPerNok: 0.02 } });
    await send('PUT', '/api/climate/factor-decisions', { setKey: 'exiobase-no', category: 'sea_transport', value: 0.9, note: 'Ferjeselskapets eget tall' });
    expected.push({ route: 'PUT /api/climate/factor-decisions', action: 'update', entityType: 'climate_factor_decision', entityId: 'exiobase-no/sea_transport', after: { value: 0.9 } });
    await upload('/api/climate/energy', {}, { name: 'energibruk-2022.csv', data: 'ansvar;år;energibærer;kwh\r\n1000;2022;elektrisitet;120 000\r\n', type: 'text/csv' });
    expected.push({ route: 'POST /api/climate/energy', action: 'import', entityType: 'climate_energy_use', entityId: 'energibruk-2022.csv' });

    await upload('/api/investments/lists/import', { listKey: 'revisjon', listName: 'Revisjonsliste' }, { name: 'revisjonsliste.csv', data: 'name;decision\r\nRevisjon Kull ASA;Exclusion\r\n', type: 'text/csv' });
    expected.push({ route: 'POST /api/investments/lists/import', action: 'import', entityType: 'inv_list_version', entityId: 'revisjonsliste.csv', after: { listKey: 'revisjon', version: 1 } });
    await upload('/api/investments/holdings/import', { portfolioKey: 'revisjonsfond', portfolioName: 'Revisjonsfond', asOf: '2026-06-30' }, { name: 'revisjonsfond.csv', data: 'name;market_value_nok\r\nRevisjon Kull ASA;100\r\n', type: 'text/csv' });
    expected.push({ route: 'POST /api/investments/holdings/import', action: 'import', entityType: 'inv_report', entityId: 'revisjonsfond.csv', after: { holdings: 1 } });
    await upload('/api/investments/company-data/import', {}, { name: 'revisjonsdata.csv', data: 'name;revenue_share_thermal_coal_mining\r\nRevisjon Kull ASA;60\r\n', type: 'text/csv' });
    expected.push({ route: 'POST /api/investments/company-data/import', action: 'import', entityType: 'inv_company_data', entityId: 'revisjonsdata.csv', after: { created: 1 } });
    const invPolicy = (await t.app.inject({ url: '/api/investments/policy', headers: admin.headers() })).json().policy;
    const adopted = await send('POST', '/api/investments/policy', { ...invPolicy, adoptedLists: ['nbim', 'revisjon'] });
    expected.push({ route: 'POST /api/investments/policy', action: 'create', entityType: 'inv_policy', entityId: adopted.id, after: { adoptedLists: ['nbim', 'revisjon'] } });
    const invDecision = await send('POST', '/api/investments/review', { holdingKey: 'name:revisjon kull', listName: 'Revisjon Kull ASA', decision: 'rejected' });
    expected.push({ route: 'POST /api/investments/review', action: 'create', entityType: 'inv_review_decision', entityId: invDecision.id, before: null, after: { decision: 'rejected' } });
    const invDivestment = await send('POST', '/api/investments/divestments', { portfolioKey: 'revisjonsfond', companyKey: 'name:revisjon kull', companyName: 'Revisjon Kull ASA', status: 'flagged' });
    expected.push({ route: 'POST /api/investments/divestments', action: 'create', entityType: 'inv_divestment', entityId: invDivestment.id, before: null, after: { status: 'flagged' } });
    // agriculture: a farm registered and changed, its areas, a delivery reported and deleted, an import, a plan, support granted and deleted
    const agOrg = (await t.app.inject({ url: '/api/organisations?q=939375635', headers: admin.headers() })).json().items[0].id;
    const agFarm = await send('POST', '/api/agriculture/farms', { organisationId: agOrg, agriculturalAreaDaa: 120 });
    expected.push({ route: 'POST /api/agriculture/farms', action: 'create', entityType: 'ag_farm', entityId: agFarm.id, before: null, after: { agriculturalAreaDaa: 120 } });
    await send('PATCH', `/api/agriculture/farms/${agFarm.id}`, { agriculturalAreaDaa: 130, certifierKey: 'debio', certificateNumber: 'REV-1' });
    expected.push({ route: 'PATCH /api/agriculture/farms/:id', action: 'update', entityType: 'ag_farm', entityId: agFarm.id, before: { agriculturalAreaDaa: 120 }, after: { agriculturalAreaDaa: 130, certifierKey: 'debio' } });
    await send('POST', `/api/agriculture/farms/${agFarm.id}/areas`, { year: 2025, areas: [{ cropKey: 'vegetables', areaDaa: 40, management: 'organic' }] });
    expected.push({ route: 'POST /api/agriculture/farms/:id/areas', action: 'update', entityType: 'ag_crop_area', entityId: `${agFarm.id}/2025`, after: { totalDaa: 40, organicDaa: 40 } });
    const agDelivery = await send('POST', `/api/agriculture/farms/${agFarm.id}/deliveries`, { year: 2025, month: 6, channelKey: 'farm_shop', productKey: 'vegetables', kg: 10, valueNok: 400 });
    expected.push({ route: 'POST /api/agriculture/farms/:id/deliveries', action: 'create', entityType: 'ag_delivery', entityId: agDelivery.id, before: null, after: { kg: 10, period: '2025-06' } });
    await send('DELETE', `/api/agriculture/deliveries/${agDelivery.id}`);
    expected.push({ route: 'DELETE /api/agriculture/deliveries/:id', action: 'delete', entityType: 'ag_delivery', entityId: agDelivery.id, before: { kg: 10 }, after: null });
    await upload('/api/agriculture/deliveries/import', {}, { name: 'revisjon-leveranser.csv', data: 'orgnr;periode;kanal;varegruppe;kg;verdi_nok\r\n939375635;2025;reko_market;vegetables;5;200\r\n', type: 'text/csv' });
    expected.push({ route: 'POST /api/agriculture/deliveries/import', action: 'import', entityType: 'ag_delivery', entityId: 'revisjon-leveranser.csv', after: { created: 1 } });
    const agPlan = await send('POST', `/api/agriculture/farms/${agFarm.id}/conversion-plans`, { targetYear: 2030, areaDaa: 50, status: 'planned' });
    expected.push({ route: 'POST /api/agriculture/farms/:id/conversion-plans', action: 'create', entityType: 'ag_plan', entityId: agPlan.id, before: null, after: { status: 'planned' } });
    await send('PATCH', `/api/agriculture/conversion-plans/${agPlan.id}`, { status: 'in_progress' });
    expected.push({ route: 'PATCH /api/agriculture/conversion-plans/:id', action: 'update', entityType: 'ag_plan', entityId: agPlan.id, before: { status: 'planned' }, after: { status: 'in_progress' } });
    const agSupport = await send('POST', `/api/agriculture/farms/${agFarm.id}/support-grants`, { schemeKey: 'rmp', year: 2025, amountNok: 5000 });
    expected.push({ route: 'POST /api/agriculture/farms/:id/support-grants', action: 'create', entityType: 'ag_support', entityId: agSupport.id, before: null, after: { amountNok: 5000 } });
    await send('DELETE', `/api/agriculture/support-grants/${agSupport.id}`);
    expected.push({ route: 'DELETE /api/agriculture/support-grants/:id', action: 'delete', entityType: 'ag_support', entityId: agSupport.id, before: { amountNok: 5000 }, after: null });
    // economy: an employment snapshot imported, a new version of the classification rules from today
    await upload('/api/economy/snapshots/import', {}, { name: 'revisjon-sysselsetting.csv', data: 'orgnr;navn;naeringskode;ansatte;dato\r\n941371876;Cambi ASA;71.129;110;2018-12-31\r\n', type: 'text/csv' });
    expected.push({ route: 'POST /api/economy/snapshots/import', action: 'import', entityType: 'econ_snapshot', entityId: 'revisjon-sysselsetting.csv', after: { file: 'revisjon-sysselsetting.csv' } });
    const econRules = (await t.app.inject({ url: '/api/economy/rules', headers: admin.headers() })).json();
    const econToday = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
    const econVersion = await send('POST', '/api/economy/rules', { validFrom: econToday, note: 'Revisjon', rules: econRules.versions[0].ruleSet.rules });
    expected.push({ route: 'POST /api/economy/rules', action: 'create', entityType: 'econ_rule_set', entityId: econVersion.id, after: { validFrom: econToday } });
    // land: a plot registered and changed, a call opened and its weights changed, an application, the decision
    const landPlot = await send('POST', '/api/land/plots', { name: 'Revisjonstomta', areaM2: 5000, zoningPlanId: 'REV-1', lat: 59.8, lon: 10.45 });
    expected.push({ route: 'POST /api/land/plots', action: 'create', entityType: 'land_plot', entityId: landPlot.id, before: null, after: { areaM2: 5000, status: 'available' } });
    await send('PATCH', `/api/land/plots/${landPlot.id}`, { areaM2: 5500 });
    expected.push({ route: 'PATCH /api/land/plots/:id', action: 'update', entityType: 'land_plot', entityId: landPlot.id, before: { areaM2: 5000 }, after: { areaM2: 5500 } });
    const landCall = await send('POST', '/api/land/land-calls', { plotId: landPlot.id, title: 'Revisjonsutlysning', normalisation: 'max', criteria: [{ id: 'jobsPerM2', weight: 100 }], opensOn: econToday, deadline: econToday });
    expected.push({ route: 'POST /api/land/land-calls', action: 'create', entityType: 'land_call', entityId: landCall.id, before: null, after: { status: 'open' } });
    await send('PATCH', `/api/land/land-calls/${landCall.id}`, { criteria: [{ id: 'jobsPerM2', weight: 70 }, { id: 'green', weight: 30 }] });
    expected.push({ route: 'PATCH /api/land/land-calls/:id', action: 'update', entityType: 'land_call', entityId: landCall.id, before: { criteria: [{ id: 'jobsPerM2', weight: 100 }] }, after: { criteria: [{ id: 'jobsPerM2', weight: 70 }, { id: 'green', weight: 30 }] } });
    const landApp = await send('POST', `/api/land/land-calls/${landCall.id}/applications`, { organisationId: applicant, expectedJobs: 20, buildingM2: 2000, activity: 'Revisjon', sn2007Code: '69.201', greenScore: 50, trafficPerDay: 10 });
    expected.push({ route: 'POST /api/land/land-calls/:id/applications', action: 'create', entityType: 'land_application', entityId: landApp.id, before: null, after: { expectedJobs: 20 } });
    const landDecision = await send('POST', `/api/land/land-calls/${landCall.id}/decision`, { applicationId: landApp.id, outcome: 'leased', decidedOn: econToday, reason: 'Eneste søker i revisjonen' });
    expected.push({ route: 'POST /api/land/land-calls/:id/decision', action: 'create', entityType: 'land_decision', entityId: landDecision.id, before: { callStatus: 'open' }, after: { plotStatus: 'leased' } });

    // circular: a directory entry added and changed; a photo, an item, two reservations (one collected, one cancelled), a withdrawal
    const circPlace = await send('POST', '/api/circular/directory', { name: 'Revisjonsverkstedet', kind: 'repair_shop', categories: ['bicycles'] });
    expected.push({ route: 'POST /api/circular/directory', action: 'create', entityType: 'circ_place', entityId: circPlace.id, before: null, after: { name: 'Revisjonsverkstedet' } });
    await send('PUT', `/api/circular/directory/${circPlace.id}`, { openingNote: 'Etter avtale' });
    expected.push({ route: 'PUT /api/circular/directory/:id', action: 'update', entityType: 'circ_place', entityId: circPlace.id, after: { opening_note: 'Etter avtale' } });
    const circUnits = (await t.app.inject({ url: '/api/circular/options', headers: admin.headers() })).json().myUnits as { id: string; name: string }[];
    const [circGiver, circTaker] = [circUnits.find((u) => u.name === 'Hvalstad skole')!.id, circUnits.find((u) => u.name === 'Bleikerfaret barnehage')!.id];
    const circPng = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000000c0806000000', 'hex');
    const circPhoto = await upload('/api/circular/photos', { unitId: circGiver }, { name: 'revisjonsbord.png', data: circPng, type: 'image/png' });
    expected.push({ route: 'POST /api/circular/photos', action: 'create', entityType: 'file', entityId: circPhoto.id, after: { filename: 'revisjonsbord.png', width: 16, height: 12 } });
    const circItem = await send('POST', '/api/circular/items', { unitId: circGiver, title: 'Revisjonsbord', category: 'table', condition: 'good', quantity: 3, location: 'Hvalstad skole', photoFileId: circPhoto.id });
    expected.push({ route: 'POST /api/circular/items', action: 'create', entityType: 'circ_item', entityId: circItem.id, before: null, after: { quantity: 3, state: 'available' } });
    const circReserved = await send('POST', `/api/circular/items/${circItem.id}/reservations`, { unitId: circTaker, quantity: 1 });
    await send('POST', `/api/circular/items/${circItem.id}/reservations`, { unitId: circTaker, quantity: 1 });
    const [circRes1, circRes2] = (await t.app.inject({ url: '/api/circular/items?limit=100', headers: admin.headers() })).json().items.find((i: { id: string }) => i.id === circItem.id).reservations as { id: string }[];
    expect(circReserved.reservations.length).toBe(1);
    expected.push({ route: 'POST /api/circular/items/:id/reservations', action: 'create', entityType: 'circ_reservation', entityId: circRes1!.id, before: null, after: { quantity: 1, state: 'reserved' } });
    await send('POST', `/api/circular/reservations/${circRes1!.id}/collected`);
    expected.push({ route: 'POST /api/circular/reservations/:id/collected', action: 'update', entityType: 'circ_reservation', entityId: circRes1!.id, before: { state: 'reserved' }, after: { state: 'collected', kg: 25 } });
    await send('POST', `/api/circular/reservations/${circRes2!.id}/cancel`);
    expected.push({ route: 'POST /api/circular/reservations/:id/cancel', action: 'update', entityType: 'circ_reservation', entityId: circRes2!.id, before: { state: 'reserved' }, after: { state: 'cancelled' } });
    await send('POST', `/api/circular/items/${circItem.id}/withdraw`);
    expected.push({ route: 'POST /api/circular/items/:id/withdraw', action: 'update', entityType: 'circ_item', entityId: circItem.id, before: { state: 'available', quantityLeft: 2 }, after: { state: 'withdrawn', quantityLeft: 0 } });

    const missing: string[] = [];
    for (const e of expected) {
      const res = await t.app.inject({ url: `/api/audit?entityId=${encodeURIComponent(e.entityId)}&action=${e.action}&limit=200`, headers: admin.headers() });
      expect(res.statusCode).toBe(200);
      const entries = (res.json().items as Entry[]).filter((x) => x.entityType === e.entityType);
      const match = entries.find((x) => (e.before === undefined || (e.before === null ? x.before === null : x.before !== null && Object.entries(e.before).every(([k, v]) => JSON.stringify(x.before![k]) === JSON.stringify(v)))) && (e.after === undefined || (e.after === null ? x.after === null : x.after !== null && Object.entries(e.after).every(([k, v]) => JSON.stringify(x.after![k]) === JSON.stringify(v)))));
      if (!match) missing.push(`${e.route}: no ${e.action} of ${e.entityType} ${e.entityId} with before ${JSON.stringify(e.before)} / after ${JSON.stringify(e.after)}; found ${JSON.stringify(entries).slice(0, 400)}`);
      else if (e.anonymous) expect([match.actorId, match.actorLabel]).toEqual([null, 'anonym']);
      else {
        expect(match.actorId).toBe(admin.user.id);
        expect(match.actorLabel).toContain('admin@asker.example');
        expect(Date.parse(match.at)).toBeGreaterThan(Date.now() - 600_000);
      }
    }
    expect(missing).toEqual([]);
  });

  it('covers every state-changing route of the API (a new one must be added above)', () => {
    const covered = new Set(expected.map((e) => e.route));
    const exempt = new Set(['POST /api/auth/login', 'POST /api/auth/logout']); // recorded as login; logout ends a session
    const writes = t.routes.flatMap((r) => [r.method].flat().filter((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m)).map((m) => `${m} ${r.url}`)).filter((k) => k.includes(' /api/') && !exempt.has(k));
    expect(writes.length).toBeGreaterThanOrEqual(10);
    expect(writes.filter((k) => !covered.has(k))).toEqual([]);
  });

  it('records nothing for a refused or invalid write', async () => {
    const total = async () => (await t.app.inject({ url: '/api/audit?limit=1', headers: admin.headers() })).json().total as number;
    const before = await total();
    const editor = await t.login('marit.kjosvold@asker.example');
    expect((await t.app.inject({ method: 'POST', url: '/api/units', headers: editor.headers(), payload: { parentId: null, kind: 'sector', type: 'office', name: 'Nei' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/organisations', headers: admin.headers(), payload: { orgNumber: '123456789', name: 'Nei', kind: 'business' } })).statusCode).toBe(400);
    // The only new entry is the editor's login.
    expect(await total()).toBe(before + 1);
    expect((await t.app.inject({ url: '/api/audit?limit=1', headers: admin.headers() })).json().items[0]).toMatchObject({ action: 'login', actorId: editor.user.id });
  });

  it('exports the rows as CSV (semicolons, UTF-8 with BOM, an attachment), with the same rows as the API', async () => {
    // A file name that Excel would run as a formula.
    const mp = await multipartBody({}, { name: '=HYPERLINK(1).json', data: '{"_embedded":{"underenheter":[]}}', type: 'application/json' });
    expect((await t.app.inject({ method: 'POST', url: '/api/organisations/import/brreg', headers: admin.headers(mp.headers), payload: mp.payload })).statusCode).toBe(200);
    const res = await t.app.inject({ url: '/api/audit/export.csv', headers: admin.headers() });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.csv"$/);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(res.body.slice(1), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(['tidspunkt', 'aktør', 'handling', 'type', 'id', 'beskrivelse', 'før', 'etter']);
    // The writes above leave more than one page (200) of entries: read two pages.
    const [page1, page2] = await Promise.all([0, 200].map(async (offset) => (await t.app.inject({ url: `/api/audit?limit=200&offset=${offset}`, headers: admin.headers() })).json()));
    const api = { total: page1.total as number, items: [...page1.items, ...page2.items] };
    expect(api.total).toBeLessThanOrEqual(400);
    expect(rows.length).toBe(api.total);
    // Row by row the same as the API, newest first; before/after as JSON.
    // Text that Excel would run as a formula is prefixed with ' (CSV injection).
    const excel = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    (api.items as Entry[]).forEach((e, i) => {
      const row = rows[i]!;
      expect(row.slice(0, 6)).toEqual([e.at, e.actorLabel, e.action, e.entityType, e.entityId, e.summary ?? ''].map(excel));
      expect(row[6] ? JSON.parse(row[6]) : null).toEqual(e.before);
      expect(row[7] ? JSON.parse(row[7]) : null).toEqual(e.after);
    });
    for (const e of expected) expect(rows.some((r) => r[2] === e.action && r[4] === e.entityId), `${e.route} in the CSV`).toBe(true);
    expect(rows.filter((r) => r[4]!.includes('HYPERLINK')).map((r) => r[4])).toEqual(["'=HYPERLINK(1).json"]);
    // A filtered export has only the filtered rows.
    const users = await t.app.inject({ url: '/api/audit/export.csv?entityType=user&action=update', headers: admin.headers() });
    const userRows = Papa.parse<string[]>(users.body.slice(1), { delimiter: ';', skipEmptyLines: true }).data.slice(1);
    expect(userRows.length).toBeGreaterThanOrEqual(1);
    expect(userRows.every((r) => r[3] === 'user' && r[2] === 'update')).toBe(true);
  });

  it('is for admins only', async () => {
    const editor = await t.login('tonje.brekkestad@asker.example');
    expect((await t.app.inject({ url: '/api/audit', headers: editor.headers() })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/audit/export.csv', headers: editor.headers() })).statusCode).toBe(403);
  });
});
