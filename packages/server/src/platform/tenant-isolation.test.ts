import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import type { SystemActor } from '@omstilling/core';
import { ENGINES } from '../testing/databases.js';
import { multipartBody, sampleOf, startTestApp, type TestApp, type TestSession } from '../testing/http.js';
import { createOrganisation, createUnit } from '../organisations/organisations.service.js';
import { createUser } from './users/users.service.js';
import { uploadFile } from './files/files.service.js';
import { municipalityRepository } from './municipalities.js';
import { TenantScope } from './tenant.js';
import type { Ctx } from './context.js';
import type { TenantTable } from './db/schema.js';

// The sweeps call every route several times; on a loaded two-core machine that takes a while.
const SWEEP_TIMEOUT = 180_000;

/*
 * Two municipalities in one installation: Asker (the demo) and "Annen kommune" (host
 * other.localhost, slug other). Neither may ever see a row of the other, through any route.
 */

const OTHER_PASSWORD = 'annen-kommune-passord';
const MARK = 'Zebrafjord'; // in every name of the other municipality, to search for

interface OtherIds {
  municipalityId: string;
  unit: string;
  subunit: string;
  organisation: string;
  sharedNumberOrganisation: string;
  admin: string;
  file: string;
}

describe.each(ENGINES)('tenant isolation (%s)', (engine) => {
  let t: TestApp;
  let other: OtherIds;
  let askerIds: string[];
  let otherIds: string[];
  let asker: TestSession;
  let otherByHost: TestSession;
  let otherByPrefix: TestSession;

  beforeAll(async () => {
    t = await startTestApp(engine, {
      async before(deps) {
        // Created before the app's first request: the app caches the list of municipalities.
        const m = await municipalityRepository(deps.db).upsert({ slug: 'other', name: `${MARK} kommune`, number: '4601', previousNumbers: ['1201'], hosts: ['other.localhost'], locale: 'nb' }, deps.now().toISOString());
        const actor: SystemActor = { kind: 'system', municipalityId: m.id, label: 'test' };
        const ctx: Ctx = { scope: new TenantScope(deps.db, m.id), actor, now: deps.now };
        const unit = await createUnit(ctx, { parentId: null, kind: 'sector', type: 'office', name: `${MARK} oppvekst` });
        const subunit = await createUnit(ctx, { parentId: unit.id, kind: 'unit', type: 'school', name: `${MARK} skole` });
        const industry = { industryCodes: deps.reference.industryCodes };
        const organisation = await createOrganisation(ctx, industry, { orgNumber: '111111111', name: `${MARK} Verksted AS`, kind: 'business' });
        // The same org. number as an Asker demo organisation (Holmsbu Fjordhotell): allowed, and separate.
        const shared = await createOrganisation(ctx, industry, { orgNumber: '939375635', name: `${MARK} Fjordhotell`, kind: 'hotel' });
        // The same e-mail as Asker's admin, with another password: a different account.
        const admin = await createUser(ctx, { email: 'admin@asker.example', name: `${MARK} Admin`, role: 'admin', password: OTHER_PASSWORD });
        await createUser(ctx, { email: 'leder@other.example', name: `${MARK} Leder`, role: 'unit_manager', unitId: subunit.id, password: OTHER_PASSWORD });
        const file = await uploadFile(ctx, deps.storage, { filename: `${MARK}.pdf`, contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 zebra'), domain: 'foodwaste', ownerUnitId: subunit.id, ownerOrganisationId: null });
        other = { municipalityId: m.id, unit: unit.id, subunit: subunit.id, organisation: organisation.id, sharedNumberOrganisation: shared.id, admin: admin.id, file: file.id };
      },
    });
    const idsOf = async (municipalityId: string) => {
      const ids: string[] = [];
      for (const table of ['org_unit', 'organisation', 'app_user', 'stored_file'] as const) {
        ids.push(...(await t.deps.db.selectFrom(table).select('id').where('municipality_id', '=', municipalityId).execute()).map((r) => r.id));
      }
      return ids;
    };
    const askerM = await municipalityRepository(t.deps.db).bySlug('asker');
    asker = await t.login('admin@asker.example', { host: 'asker.localhost' });
    askerIds = await idsOf(askerM!.id);
    otherIds = await idsOf(other.municipalityId);
    otherByHost = await t.login('admin@asker.example', { host: 'other.localhost', password: OTHER_PASSWORD });
    otherByPrefix = await t.login('admin@asker.example', { prefix: '/m/other', password: OTHER_PASSWORD });
  });
  afterAll(() => t?.close());

  const get = (s: TestSession, url: string, host?: string) => t.app.inject({ url, headers: { ...s.headers(), ...(host ? { host } : {}) } });

  it('has rows in both municipalities to tell apart', () => {
    expect(askerIds.length).toBeGreaterThan(50);
    expect(otherIds.length).toBe(7);
    expect(askerIds.filter((id) => otherIds.includes(id))).toEqual([]);
  });

  it('picks the municipality by host and by /m/<slug>, and the same e-mail is two accounts', async () => {
    expect((await t.app.inject({ url: '/api/meta', headers: { host: 'other.localhost' } })).json().municipality.slug).toBe('other');
    expect((await t.app.inject({ url: '/m/other/api/meta', headers: { host: 'asker.localhost' } })).json().municipality.slug).toBe('other');
    expect((await t.app.inject({ url: '/api/meta', headers: { host: 'asker.localhost' } })).json().municipality.slug).toBe('asker');
    expect(otherByHost.user.id).toBe(other.admin);
    expect(otherByPrefix.user.id).toBe(other.admin);
    expect(asker.user.id).not.toBe(other.admin);
    // Each account has its own password.
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { host: 'other.localhost' }, remoteAddress: '10.99.0.1', payload: { email: 'admin@asker.example', password: 'omstilling-demo' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('does not accept a session cookie of one municipality in the other', async () => {
    for (const [s, url, host] of [
      [asker, '/api/users', 'other.localhost'],
      [asker, '/m/other/api/users', 'asker.localhost'],
      [otherByHost, '/api/users', 'asker.localhost'],
      [otherByHost, '/m/asker/api/users', 'other.localhost'],
    ] as const) {
      const res = await get(s, url, host);
      expect(res.statusCode, `${url} on ${host}`).toBe(401);
      const who = await get(s, url.replace('/api/users', '/api/auth/session'), host);
      expect(who.json()).toMatchObject({ authenticated: false, user: null });
    }
    // …while each works at home.
    expect((await get(asker, '/api/users', 'asker.localhost')).statusCode).toBe(200);
    expect((await get(otherByHost, '/api/users', 'other.localhost')).statusCode).toBe(200);
  });

  /** Every GET route without parameters, as each admin: nothing of the other municipality. */
  it('shows no row of the other municipality on any list, search or export', async () => {
    const lists = t.routes.filter((r) => [r.method].flat().includes('GET') && r.url.startsWith('/api/') && !r.url.includes(':') && !r.url.includes('*') && !r.url.startsWith('/api/docs') && !r.url.startsWith('/api/auth/oidc'));
    expect(lists.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/users', '/api/units', '/api/organisations', '/api/audit', '/api/audit/export.csv']));
    const urls = lists.flatMap((r) => [`${r.url}?limit=200`, `${r.url}?q=${MARK.toLowerCase()}&limit=200`, `${r.url}?q=fjordhotell&limit=200`]);
    const seen = { asker: '', other: '' };
    for (const url of urls) {
      for (const [name, s, host, prefix, foreign] of [
        ['asker', asker, 'asker.localhost', '', otherIds],
        ['other', otherByHost, 'other.localhost', '', askerIds],
        ['other', otherByPrefix, 'asker.localhost', '/m/other', askerIds],
      ] as const) {
        const res = await get(s, prefix + url, host);
        expect(res.statusCode, `${prefix}${url} as ${name}: ${res.body.slice(0, 200)}`).toBe(200);
        const leaked = foreign.filter((id) => res.body.includes(id));
        expect(leaked, `${prefix}${url} as ${name} shows rows of the other municipality`).toEqual([]);
        if (name === 'asker') expect(res.body, url).not.toContain(MARK);
        seen[name] += res.body;
      }
    }
    // The lists did show each municipality its own rows (so an empty answer would have failed).
    expect(otherIds.filter((id) => !seen.other.includes(id) && id !== other.file)).toEqual([]);
    expect(seen.asker).toContain('Holmsbu Fjordhotell');
    const search = (await get(otherByHost, '/api/organisations?q=939375635', 'other.localhost')).json();
    expect(search.items.map((o: { id: string }) => o.id)).toEqual([other.sharedNumberOrganisation]);
  }, SWEEP_TIMEOUT);

  /** The table of the id in /api/<collection>/:id/…; a route on a new collection must be added here. */
  const COLLECTION_TABLE: Record<string, TenantTable> = {
    users: 'app_user',
    units: 'org_unit',
    organisations: 'organisation',
    files: 'stored_file',
    programs: 'program',
    indicators: 'indicator',
    values: 'indicator_value',
    actions: 'program_action',
    certificates: 'cert_certificate',
    reports: 'cert_report',
    kitchens: 'fw_kitchen',
    offers: 'fw_offer',
    'list-items': 'fw_list_item',
    places: 'appr_place',
    calls: 'ent_call',
    applications: 'ent_application',
    ventures: 'ent_venture',
    'youth-companies': 'ent_youth_company',
    'cluster-members': 'ent_cluster_member',
    library: 'pr_criterion',
    tenders: 'pr_tender',
    bids: 'pr_bid',
    contracts: 'pr_contract',
    'follow-ups': 'pr_follow_up',
    plots: 'land_plot',
    'land-calls': 'land_call',
    directory: 'circ_place',
    items: 'circ_item',
    reservations: 'circ_reservation',
    measures: 'svc_measure',
    adoptions: 'svc_adoption',
    farms: 'ag_farm',
    deliveries: 'ag_delivery',
    'conversion-plans': 'ag_plan',
    'support-grants': 'ag_support',
    themes: 'cmp_theme',
    events: 'cmp_event',
    posts: 'cmp_post',
  };
  const tableOf = (url: string) => COLLECTION_TABLE[/\/([\w-]+)\/:id\b/.exec(url)?.[1] ?? ''];

  it("answers 404 for the other municipality's ids on every route with an id", async () => {
    const byId = t.routes.filter((r) => r.url.startsWith('/api/') && r.url.includes(':'));
    expect(byId.length).toBeGreaterThanOrEqual(7);
    const unknown = byId.map((r) => r.url).filter((u) => !tableOf(u));
    expect(unknown, 'routes with an id this test does not know how to fill in; add the collection to COLLECTION_TABLE').toEqual([]);
    const askerM = (await municipalityRepository(t.deps.db).bySlug('asker'))!;
    const mp = await multipartBody({ domain: 'foodwaste' }, { name: 'a.pdf', data: '%PDF-1.4 asker', type: 'application/pdf' });
    const up = await t.app.inject({ method: 'POST', url: '/api/files', headers: asker.headers({ host: 'asker.localhost', ...mp.headers }), payload: mp.payload });
    expect(up.statusCode, up.body).toBe(201);
    const firstId = async (table: TenantTable, municipalityId: string) => {
      // The shared org. number makes the case sharpest: the same number exists on both sides.
      if (table === 'organisation') return municipalityId === other.municipalityId ? other.sharedNumberOrganisation : (await t.deps.db.selectFrom('organisation').select('id').where('municipality_id', '=', municipalityId).where('org_number', '=', '939375635').executeTakeFirstOrThrow()).id;
      if (table === 'app_user') return municipalityId === other.municipalityId ? other.admin : asker.user.id; // admins: any body passes
      const row = await t.deps.db.selectFrom(table).select('id').where('municipality_id', '=', municipalityId).orderBy('id').executeTakeFirst();
      return row ? String(row.id) : null;
    };
    const checked = new Set<string>();
    const all = new Set<string>();
    for (const r of byId) {
      const schema = (r.schema ?? {}) as { body?: TSchema; consumes?: string[] };
      for (const method of [r.method].flat().filter((m) => m !== 'HEAD')) {
        all.add(`${method} ${r.url}`);
        // Asker's admin with the other's ids, and the other's admin with Asker's ids.
        for (const [s, host, owner] of [
          [asker, 'asker.localhost', { id: other.municipalityId, s: otherByHost, host: 'other.localhost' }],
          [otherByHost, 'other.localhost', { id: askerM.id, s: asker, host: 'asker.localhost' }],
        ] as const) {
          const id = await firstId(tableOf(r.url)!, owner.id);
          if (!id) continue; // the other municipality has no program; the reverse direction covers the route
          const url = r.url.replace(':id', id);
          const req: InjectOptions = { method: method as InjectOptions['method'], url, headers: { ...s.headers(), host } };
          if (method === 'PUT' && r.url.endsWith('/primary-source')) {
            // A real source of the indicator, so that only the tenant can stop it.
            const src = await t.deps.db.selectFrom('indicator_source').select('id').where('indicator_id', '=', id).executeTakeFirstOrThrow();
            req.payload = { sourceId: src.id };
          } else if (method === 'PUT' && (r.url.startsWith('/api/procurement/') || r.url.startsWith('/api/enterprise/'))) {
            req.payload = sampleOf(schema.body) as InjectOptions['payload']; // passes the schema; only the tenant can stop it
          } else if (method === 'PUT') {
            // A body that passes every check (read by the owner), so that only the tenant can stop it.
            const body = (await get(owner.s, url, owner.host)).json();
            req.payload = r.url.startsWith('/api/foodwaste/list-items/') ? { labelNb: 'Kapret' } : r.url.startsWith('/api/users/') ? { email: body.email, name: 'Kapret', role: body.role } : r.url.startsWith('/api/units/') ? { parentId: null, kind: body.kind, type: body.type, name: 'Kapret' } : { orgNumber: body.orgNumber, name: 'Kapret', kind: body.kind };
          } else if (schema.consumes?.includes('multipart/form-data')) {
            const file = await multipartBody({}, { name: 'verdier.csv', data: 'indikator;periode;dato;verdi;merknad\r\n', type: 'text/csv' });
            req.payload = file.payload;
            req.headers = { ...req.headers, ...file.headers };
          } else if (schema.body) req.payload = sampleOf(schema.body) as InjectOptions['payload'];
          const res = await t.app.inject(req);
          expect(res.statusCode, `${method} ${url} on ${host}: ${res.body.slice(0, 200)}`).toBe(404);
          expect(res.json().code).toBe('not_found');
          checked.add(`${method} ${r.url}`);
        }
      }
    }
    expect([...all].filter((k) => !checked.has(k)), 'routes checked in neither direction').toEqual([]);
    // Nothing was renamed or deleted on either side.
    expect(await t.deps.db.selectFrom('app_user').select('id').where('name', '=', 'Kapret').execute()).toEqual([]);
    expect(await t.deps.db.selectFrom('org_unit').select('id').where('name', '=', 'Kapret').execute()).toEqual([]);
    expect(await t.deps.db.selectFrom('organisation').select('id').where('name', '=', 'Kapret').execute()).toEqual([]);
    expect((await t.deps.db.selectFrom('organisation').select('id').where('id', '=', other.sharedNumberOrganisation).execute()).length).toBe(1);
  }, SWEEP_TIMEOUT);

  it("refuses the other municipality's units and organisations as references", async () => {
    const unit = await t.app.inject({ method: 'POST', url: '/api/units', headers: asker.headers({ host: 'asker.localhost' }), payload: { parentId: other.unit, kind: 'unit', type: 'school', name: 'Under en annen kommune' } });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().details).toEqual([expect.objectContaining({ field: 'parentId' })]);
    const manager = await t.app.inject({ method: 'POST', url: '/api/users', headers: asker.headers({ host: 'asker.localhost' }), payload: { email: 'ny@asker.example', name: 'Ny', role: 'unit_manager', unitId: other.subunit } });
    expect(manager.statusCode).toBe(400);
    expect(manager.json().details).toEqual([expect.objectContaining({ field: 'unitId' })]);
    const business = await t.app.inject({ method: 'POST', url: '/api/users', headers: asker.headers({ host: 'asker.localhost' }), payload: { email: 'ny@asker.example', name: 'Ny', role: 'business', organisationId: other.organisation } });
    expect(business.statusCode).toBe(400);
    expect(business.json().details).toEqual([expect.objectContaining({ field: 'organisationId' })]);
    const mp = await multipartBody({ domain: 'foodwaste', ownerUnitId: other.subunit }, { name: 'a.pdf', data: '%PDF-1.4', type: 'application/pdf' });
    const file = await t.app.inject({ method: 'POST', url: '/api/files', headers: asker.headers({ host: 'asker.localhost', ...mp.headers }), payload: mp.payload });
    expect(file.statusCode).toBe(400);
    expect(file.json().details).toEqual([expect.objectContaining({ field: 'ownerUnitId' })]);
  });

  it('imports Brønnøysund data into one municipality only', async () => {
    const before = (await get(otherByHost, '/api/organisations?limit=200', 'other.localhost')).json().total;
    const doc = JSON.stringify({ _embedded: { underenheter: [{ organisasjonsnummer: '222222222', navn: `Ny i Asker`, beliggenhetsadresse: { kommunenummer: '3203', adresse: ['Vei 1'], postnummer: '1384', poststed: 'ASKER' } }] } });
    const mp = await multipartBody({}, { name: 'x.json', data: doc, type: 'application/json' });
    const res = await t.app.inject({ method: 'POST', url: '/api/organisations/import/brreg', headers: asker.headers({ host: 'asker.localhost', ...mp.headers }), payload: mp.payload });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(1);
    expect((await get(otherByHost, '/api/organisations?limit=200', 'other.localhost')).json().total).toBe(before);
    expect((await get(otherByHost, '/api/organisations?q=222222222', 'other.localhost')).json().items).toEqual([]);
    expect((await get(asker, '/api/organisations?q=222222222', 'asker.localhost')).json().items).toHaveLength(1);
  });
});
