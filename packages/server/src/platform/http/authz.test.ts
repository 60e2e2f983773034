import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, RouteOptions } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { ENGINES } from '../../testing/databases.js';
import { multipartBody, sampleOf, startTestApp, type TestApp, type TestSession } from '../../testing/http.js';
import { organisationsRepository } from '../../organisations/organisations.repository.js';
import { TenantScope } from '../tenant.js';

/*
 * The authorisation matrix. Every /api route is found by enumerating what Fastify registered,
 * so a new route is checked the moment it exists:
 *  - without a session every non-public route answers 401 and nothing else;
 *  - a business user, a unit manager and an editor of an unrelated domain get 403 on every
 *    route unless OPEN_TO below says the route is open to them.
 * A route that is meant to be public or open to a role must be listed here, on purpose.
 */

/** Routes anyone may call without a session. Everything else under /api needs one. */
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'GET /api/meta',
  'GET /api/auth/session',
  'POST /api/auth/login',
  // Ends the caller's own session if there is one; without a session it only clears the cookie.
  'POST /api/auth/logout',
  // The OpenID Connect login flow (redirects; 404 when OIDC is not configured).
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
]);
const isPublic = (method: string, url: string) => PUBLIC_ROUTES.has(`${method === 'HEAD' ? 'GET' : method} ${url}`) || url === '/api/docs' || url.startsWith('/api/docs/') || url.startsWith('/api/public/');

type Who = 'business' | 'unit_manager' | 'editor_other';
const WHO: Who[] = ['business', 'unit_manager', 'editor_other'];

/**
 * Non-public routes that a non-admin role may use with the sample ids below (200 expected).
 * Every other non-public route must answer 403 to these roles. The sample ids point at what
 * is NOT theirs: another unit, another organisation, a file of another unit.
 */
const OPEN_TO: Record<string, Who[]> = {
  'GET /api/units': ['business', 'unit_manager', 'editor_other'],
  'GET /api/units/:id': ['business', 'unit_manager', 'editor_other'],
  // A business user gets a list with only their own organisation (checked below).
  'GET /api/organisations': ['business', 'unit_manager', 'editor_other'],
  'GET /api/organisations/:id': ['unit_manager', 'editor_other'],
  // The program list is open data anyway (/api/public/programs); the internal view is for staff.
  'GET /api/programs': ['business', 'unit_manager', 'editor_other'],
  'GET /api/programs/:id': ['unit_manager', 'editor_other'],
  'GET /api/programs/:id/export.csv': ['unit_manager', 'editor_other'],
  'GET /api/programs/:id/export.xlsx': ['unit_manager', 'editor_other'],
  'GET /api/programs/:id/report.pdf': ['unit_manager', 'editor_other'],
  // What a unit owes; staff only.
  'GET /api/reporting': ['unit_manager', 'editor_other'],
  // Staff see their own reminder e-mail; program editors and admins see everyone's.
  'GET /api/reporting/reminders/preview': ['unit_manager', 'editor_other'],
  // Certification: schemes are public facts; a business user lists only their own certificates;
  // the register and the figures are for municipal staff.
  'GET /api/certification/schemes': ['business', 'unit_manager', 'editor_other'],
  'GET /api/certification/certificates': ['business', 'unit_manager', 'editor_other'],
  ...Object.fromEntries(
    ['overview', 'register', 'register/export', 'map', 'units/:id', 'certificates/:id', 'reports', 'reports/:id', 'training', 'reminders'].map((p) => [`GET /api/certification/${p}`, ['unit_manager', 'editor_other'] as Who[]]),
  ),
  // Food waste: lists, own kitchens, own registrations and offers for everyone signed in; the overview and any kitchen's dashboard for staff.
  ...Object.fromEntries(['options', 'list-items', 'kitchens', 'registrations', 'registrations/export', 'offers'].map((p) => [`GET /api/foodwaste/${p}`, ['business', 'unit_manager', 'editor_other'] as Who[]])),
  ...Object.fromEntries(['overview', 'kitchens/:id'].map((p) => [`GET /api/foodwaste/${p}`, ['unit_manager', 'editor_other'] as Who[]])),
  // Apprenticeships: trades and own places for everyone signed in; the overview for staff.
  ...Object.fromEntries(['options', 'places'].map((p) => [`GET /api/apprenticeships/${p}`, ['business', 'unit_manager', 'editor_other'] as Who[]])),
  'GET /api/apprenticeships/overview': ['unit_manager', 'editor_other'],
  // Grant rounds: the calls for everyone signed in (business users apply); applications: own for a business user, all for staff.
  ...Object.fromEntries(['calls', 'calls/:id', 'applications'].map((p) => [`GET /api/enterprise/${p}`, ['business', 'unit_manager', 'editor_other'] as Who[]])),
  // The register of social enterprises and green start-ups, youth companies and the cluster: municipal staff read, enterprise
  // editors write, business users neither (the cluster's public directory is GET /api/public/enterprise/cluster, open to residents).
  ...Object.fromEntries(['options', 'figures', 'ventures', 'ventures/:id', 'youth-companies', 'cluster'].map((p) => [`GET /api/enterprise/${p}`, ['unit_manager', 'editor_other'] as Who[]])),
  // Climate account: results, sources, imports and the ansvar mapping are for municipal staff.
  ...Object.fromEntries(['imports', 'report', 'report/export', 'report/summary.pdf', 'sources', 'ansvar', 'energy', 'supplier-factors'].map((p) => [`GET /api/climate/${p}`, ['unit_manager', 'editor_other'] as Who[]])),
  // Services (C2): the catalogue, unit pages (read; acting is for the unit's manager and services editors) and coverage are for municipal staff.
  ...Object.fromEntries(['options', 'measures', 'units', 'units/:id', 'coverage', 'coverage/export'].map((p) => [`GET /api/services/${p}`, ['unit_manager', 'editor_other'] as Who[]])),
  // Reuse and repair: the directory is public (/api/public/circular); a business user lists the entries it may maintain (its own);
  // the internal marketplace (options, items, photos, figures) is for municipal staff.
  'GET /api/circular/directory': ['business'],
  ...Object.fromEntries(['options', 'items', 'items/:id/photo', 'figures'].map((p) => [`GET /api/circular/${p}`, ['unit_manager', 'editor_other'] as Who[]])),
  // Procurement: the library, tenders, evaluations, reports, contracts, follow-up and OCDS export are for municipal staff.
  ...Object.fromEntries(['reference', 'library', 'tenders', 'tenders/:id', 'tenders/:id/bids', 'tenders/:id/evaluation', 'tenders/:id/report.pdf', 'tenders/:id/report.xlsx', 'contracts', 'contracts/:id', 'follow-up', 'ocds'].map((p) => [`GET /api/procurement/${p}`, ['unit_manager', 'editor_other'] as Who[]])),
  // Business land: plots, calls, figures and the decision log for everyone signed in (businesses apply); applications: own for a business user; the ranking for staff.
  ...Object.fromEntries(['options', 'overview', 'plots', 'plots/:id', 'map', 'land-calls', 'land-calls/:id', 'land-applications', 'decisions'].map((p) => [`GET /api/land/${p}`, ['business', 'unit_manager', 'editor_other'] as Who[]])),
  'GET /api/land/land-calls/:id/ranking': ['unit_manager', 'editor_other'],
  // Agriculture: the lists and own farms for everyone signed in (a farm's business user sees their own farm); results and any farm for staff.
  ...Object.fromEntries(['options', 'farms'].map((p) => [`GET /api/agriculture/${p}`, ['business', 'unit_manager', 'editor_other'] as Who[]])),
  ...Object.fromEntries(['results', 'results/export', 'farms/:id', 'farms/:id/deliveries'].map((p) => [`GET /api/agriculture/${p}`, ['unit_manager', 'editor_other'] as Who[]])),
  // Industry structure: the figures, map, establishments, export and rules are for municipal staff; import and rule changes for economy editors.
  ...Object.fromEntries(['overview', 'establishments', 'map', 'export', 'rules'].map((p) => [`GET /api/economy/${p}`, ['unit_manager', 'editor_other'] as Who[]])),
};

/**
 * Imports that check permission line by line (a unit manager may import the values of their own
 * unit's indicators): the sample file holds a line the role may not write, so the answer is 422
 * naming that line, and nothing is written.
 */
const CHECKED_PER_LINE: Record<string, Who[]> = {
  'POST /api/programs/:id/values/import': ['unit_manager', 'editor_other'],
};

// The sweeps call every route several times; on a loaded two-core machine that takes a while.
const SWEEP_TIMEOUT = 180_000;

const DEMO = {
  admin: 'admin@asker.example',
  orgEditor: 'tonje.brekkestad@asker.example', // editor: program, organisations
  business: 'vibeke@holmsbu-fjordhotell.example', // Holmsbu Fjordhotell AS 939375635
  unit_manager: 'eirik.hovdenak@asker.example', // bhg-bleikerfaret
  unitManagerB: 'nora.bakkerud@asker.example', // skole-hvalstad
  // editor: footprint only, whose routes are all public (every other domain with an editor is built now).
  editor_other: 'sunniva.rodsten@asker.example',
} as const;

interface Endpoint {
  method: string;
  url: string;
  route: RouteOptions;
}

/** Every (method, url) of the API, HEAD included, OPTIONS left out. */
function endpointsOf(t: TestApp): Endpoint[] {
  const out: Endpoint[] = [];
  for (const route of t.routes) {
    for (const method of [route.method].flat()) {
      if (method === 'OPTIONS' || !route.url.startsWith('/api/')) continue;
      out.push({ method, url: route.url, route });
    }
  }
  return out;
}

const jsonOf = (text: string): Record<string, unknown> | null => {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { notJson: text.slice(0, 80) };
  }
};
const key = (e: Endpoint) => `${e.method === 'HEAD' ? 'GET' : e.method} ${e.url}`;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe.each(ENGINES)('authorisation matrix (%s)', (engine) => {
  let t: TestApp;
  let endpoints: Endpoint[];
  const sessions = {} as Record<keyof typeof DEMO, TestSession>;
  let samples: Record<string, string>;
  let uploads: Record<string, { fields: Record<string, string>; file: { name: string; data: Buffer | string; type: string } }>;
  let unitA: string;
  let unitB: string;
  let ownOrg: string;
  let otherOrg: string;
  let fileB: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    endpoints = endpointsOf(t);
    for (const [who, email] of Object.entries(DEMO)) sessions[who as keyof typeof DEMO] = await t.login(email);
    const repo = organisationsRepository(new TenantScope(t.deps.db, (await t.deps.db.selectFrom('municipality').select('id').where('slug', '=', 'asker').executeTakeFirstOrThrow()).id));
    unitA = (await repo.unitByKey('bhg-bleikerfaret'))!.id;
    unitB = (await repo.unitByKey('skole-hvalstad'))!.id;
    ownOrg = (await repo.organisationByNumber('939375635'))!.id;
    otherOrg = (await repo.organisationByNumber('989862650'))!.id;
    const upload = await multipartBody({ domain: 'organisations', ownerUnitId: unitB }, { name: 'b.png', data: PNG, type: 'image/png' });
    const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: sessions.admin.headers(upload.headers), payload: upload.payload });
    expect(res.statusCode, res.body).toBe(201);
    fileB = res.json().id;
    // Program records whose responsible unit is not unit A (whose manager is in the sweep).
    const db = t.deps.db;
    const notA = <T extends { where: (...a: any[]) => T }>(q: T, column: string) => q.where((eb: any) => eb.or([eb(column, 'is', null), eb(column, '!=', unitA)]));
    const program = await db.selectFrom('program').select('id').orderBy('id').executeTakeFirst();
    const indicator = await notA(db.selectFrom('indicator').select(['id', 'key']).where('source_kind', 'not in', ['computed', 'derived']), 'responsible_unit_id').orderBy('id').executeTakeFirst();
    const value = await notA(db.selectFrom('indicator_value').innerJoin('indicator', 'indicator.id', 'indicator_value.indicator_id').select('indicator_value.id'), 'indicator.responsible_unit_id').orderBy('indicator_value.id').executeTakeFirst();
    const action = await notA(db.selectFrom('program_action').select('id'), 'responsible_unit_id').orderBy('id').executeTakeFirst();
    // A pending certificate of another unit (not of the business user's organisation), a report of another unit.
    const certificate = await db.selectFrom('cert_certificate').select('id').where('holder_unit_id', '=', unitB).orderBy('verification', 'asc').orderBy('id').executeTakeFirst();
    const report = await db.selectFrom('cert_report').select('id').where('unit_id', '!=', unitA).orderBy('id').executeTakeFirst();
    // A municipal kitchen of another unit, and an offer of another organisation's kitchen.
    const kitchen = await db.selectFrom('fw_kitchen').select('id').where('unit_id', 'is not', null).where('unit_id', '!=', unitA).orderBy('id').executeTakeFirst();
    const offer = await db.selectFrom('fw_offer').innerJoin('fw_kitchen', 'fw_kitchen.id', 'fw_offer.kitchen_id').select('fw_offer.id').where('fw_kitchen.organisation_id', 'is not', null).where('fw_kitchen.organisation_id', '!=', ownOrg).orderBy('fw_offer.id').executeTakeFirst();
    const listItem = await db.selectFrom('fw_list_item').select('id').orderBy('id').executeTakeFirst();
    // A grant round, and an undecided application of another organisation than the business user's (nobody has a conflict on it).
    const grantCall = await db.selectFrom('ent_call').select('id').orderBy('id').executeTakeFirst();
    const grantApplication = await db.selectFrom('ent_application').select('id').where('organisation_id', '!=', ownOrg).where('state', '=', 'submitted').orderBy('id').executeTakeFirst();
    // A place at another unit than A.
    const apprPlace = await db.selectFrom('appr_place').select('id').where('unit_id', 'is not', null).where('unit_id', '!=', unitA).orderBy('id').executeTakeFirst();
    // Procurement records; a follow-up item whose unit is not unit A (its manager may record outcomes for their own unit).
    const [libraryItem, tenderRow, bidRow, contractRow] = await Promise.all([db.selectFrom('pr_criterion').select('id').orderBy('id').executeTakeFirst(), db.selectFrom('pr_tender').select('id').orderBy('id').executeTakeFirst(), db.selectFrom('pr_bid').select('id').orderBy('id').executeTakeFirst(), db.selectFrom('pr_contract').select('id').orderBy('id').executeTakeFirst()]);
    const followUpRow = await notA(db.selectFrom('pr_follow_up').select('id'), 'unit_id').orderBy('id').executeTakeFirst();
    // Business land: a plot and an open call (the business user's organisation has not applied).
    const landPlot = await db.selectFrom('land_plot').select('id').orderBy('id').executeTakeFirst();
    const landCall = await db.selectFrom('land_call').select('id').where('status', '=', 'open').orderBy('id').executeTakeFirst();
    // Reuse and repair: an entry of another organisation, an item with a photo of another unit, an open reservation between two other units.
    const circPlace = await db.selectFrom('circ_place').select('id').where('organisation_id', 'is not', null).where('organisation_id', '!=', ownOrg).orderBy('id').executeTakeFirst();
    const circItem = await db.selectFrom('circ_item').select('id').where('unit_id', '!=', unitA).where('photo_file_id', 'is not', null).orderBy('id').executeTakeFirst();
    const circReservation = await db.selectFrom('circ_reservation').innerJoin('circ_item', 'circ_item.id', 'circ_reservation.item_id').select('circ_reservation.id').where('circ_reservation.unit_id', '!=', unitA).where('circ_item.unit_id', '!=', unitA).where('circ_reservation.state', '=', 'reserved').orderBy('circ_reservation.id').executeTakeFirst();
    // Services: a measure of the catalogue, and an adoption of unit B (not unit A's manager's to change or report on).
    const svcMeasure = await db.selectFrom('svc_measure').select('id').orderBy('id').executeTakeFirst();
    const svcAdoption = await db.selectFrom('svc_adoption').select('id').where('unit_id', '=', unitB).orderBy('id').executeTakeFirst();
    // The farm of another organisation than the business user's (Hyggen Økogård), and its records.
    const agFarm = await db.selectFrom('ag_farm').select('id').where('organisation_id', '=', otherOrg).executeTakeFirst();
    const [agDelivery, agPlan, agSupport] = await Promise.all([db.selectFrom('ag_delivery').select('id').where('farm_id', '=', agFarm?.id ?? '').orderBy('id').executeTakeFirst(), db.selectFrom('ag_plan').select('id').where('farm_id', '=', agFarm?.id ?? '').orderBy('id').executeTakeFirst(), db.selectFrom('ag_support').select('id').where('farm_id', '=', agFarm?.id ?? '').orderBy('id').executeTakeFirst()]);
    // Campaign: a theme, an event and a reported post (editor routes are for campaign editors only).
    const [cmpTheme, cmpEvent, cmpPost] = await Promise.all([db.selectFrom('cmp_theme').select('id').orderBy('id').executeTakeFirst(), db.selectFrom('cmp_event').select('id').orderBy('id').executeTakeFirst(), db.selectFrom('cmp_post').select('id').where('display_name', '=', 'Tor').executeTakeFirst()]);
    uploads = {
      '/api/files': { fields: { domain: 'organisations', ownerUnitId: unitB }, file: { name: 'x.png', data: PNG, type: 'image/png' } },
      '/api/organisations/import/brreg': { fields: {}, file: { name: 'x.json', data: '{"_embedded":{"underenheter":[]}}', type: 'application/json' } },
      '/api/certification/certificates/:id/evidence': { fields: {}, file: { name: 'bevis.pdf', data: '%PDF-1.4 bevis', type: 'application/pdf' } },
      '/api/certification/reports/import': { fields: {}, file: { name: 'rapporter.csv', data: 'enhet;år\r\n', type: 'text/csv' } },
      '/api/foodwaste/registrations/import': { fields: {}, file: { name: 'matsvinn.csv', data: 'kjøkken;dato;ledd;kategori;årsak;mottak;kg\r\n', type: 'text/csv' } },
      '/api/climate/imports': { fields: {}, file: { name: 'hovedbok.csv', data: 'dato;ansvar;art;funksjon;belop\r\n2024-01-02;1000;115;202;10\r\n', type: 'text/csv' } },
      '/api/climate/energy': { fields: {}, file: { name: 'energi.csv', data: 'ansvar;år;energibærer;kwh\r\n1000;2024;elektrisitet;1000\r\n', type: 'text/csv' } },
      '/api/investments/lists/import': { fields: { listKey: 'nbim' }, file: { name: 'liste.csv', data: 'name\r\nCoal India Ltd\r\n', type: 'text/csv' } },
      '/api/investments/company-data/import': { fields: {}, file: { name: 'selskapsdata.csv', data: 'name;revenue_share_coal_power\r\nCoal India Ltd;40\r\n', type: 'text/csv' } },
      '/api/investments/holdings/import': { fields: { portfolioKey: 'energifondet', asOf: '2026-06-30' }, file: { name: 'beholdning.csv', data: 'name;market_value_nok\r\nCoal India Ltd;100\r\n', type: 'text/csv' } },
      '/api/agriculture/deliveries/import': { fields: {}, file: { name: 'leveranser.csv', data: 'orgnr;periode;kanal;varegruppe;kg;verdi_nok\r\n', type: 'text/csv' } },
      '/api/programs/import': { fields: {}, file: { name: 'program.json', data: '{}', type: 'application/json' } },
      '/api/circular/photos': { fields: { unitId: unitB }, file: { name: 'bord.png', data: PNG, type: 'image/png' } },
      '/api/indicators/:id/sources/jsonstat': { fields: { filter: 'Region=3203' }, file: { name: 'ssb.json', data: '{}', type: 'application/json' } },
      '/api/indicators/:id/sources/table': { fields: { municipalityColumn: 'k', yearColumn: 'y', valueColumn: 'v', producer: 'p' }, file: { name: 'tabell.csv', data: 'k;y;v\r\n3203;2020;1\r\n', type: 'text/csv' } },
      '/api/economy/snapshots/import': { fields: {}, file: { name: 'sysselsetting.csv', data: 'orgnr;navn;naeringskode;ansatte;dato\r\n941371876;Cambi ASA;71.129;110;2024-12-31\r\n', type: 'text/csv' } },
      '/api/programs/:id/values/import': { fields: {}, file: { name: 'verdier.csv', data: `indikator;periode;dato;verdi;merknad\r\n${indicator?.key ?? 'x'};2024;2024-06-30;1;\r\n`, type: 'text/csv' } },
    };
    // By the collection the id belongs to: /api/<collection>/:id/…
    samples = {
      users: sessions.admin.user.id,
      units: unitB,
      organisations: otherOrg,
      files: fileB,
      programs: program?.id ?? 'no-program',
      indicators: indicator?.id ?? 'no-indicator',
      values: value?.id ?? 'no-value',
      actions: action?.id ?? 'no-action',
      certificates: certificate?.id ?? 'no-certificate',
      reports: report?.id ?? 'no-report',
      kitchens: kitchen?.id ?? 'no-kitchen',
      offers: offer?.id ?? 'no-offer',
      'list-items': listItem?.id ?? 'no-list-item',
      places: apprPlace?.id ?? 'no-place',
      calls: grantCall?.id ?? 'no-call',
      applications: grantApplication?.id ?? 'no-application',
      ventures: (await db.selectFrom('ent_venture').select('id').orderBy('id').executeTakeFirst())?.id ?? 'no-venture',
      'youth-companies': (await db.selectFrom('ent_youth_company').select('id').orderBy('id').executeTakeFirst())?.id ?? 'no-youth-company',
      'cluster-members': (await db.selectFrom('ent_cluster_member').select('id').orderBy('id').executeTakeFirst())?.id ?? 'no-cluster-member',
      library: libraryItem?.id ?? 'no-library-criterion',
      tenders: tenderRow?.id ?? 'no-tender',
      bids: bidRow?.id ?? 'no-bid',
      contracts: contractRow?.id ?? 'no-contract',
      'follow-ups': followUpRow?.id ?? 'no-follow-up',
      plots: landPlot?.id ?? 'no-land-plot',
      'land-calls': landCall?.id ?? 'no-land-call',
      directory: circPlace?.id ?? 'no-circular-place',
      items: circItem?.id ?? 'no-circular-item',
      reservations: circReservation?.id ?? 'no-circular-reservation',
      measures: svcMeasure?.id ?? 'no-measure',
      adoptions: svcAdoption?.id ?? 'no-adoption',
      farms: agFarm?.id ?? 'no-farm',
      deliveries: agDelivery?.id ?? 'no-delivery',
      'conversion-plans': agPlan?.id ?? 'no-conversion-plan',
      'support-grants': agSupport?.id ?? 'no-support-grant',
      themes: cmpTheme?.id ?? 'no-theme',
      events: cmpEvent?.id ?? 'no-event',
      posts: cmpPost?.id ?? 'no-post',
    };
  }, SWEEP_TIMEOUT);
  afterAll(() => t?.close());

  /** The sample id for a parameter, by the collection before it (/api/units/:id and /api/certification/units/:id → units). */
  const sampleFor = (url: string) => samples[/\/([\w-]+)\/:\w+/.exec(url)?.[1] ?? ''];
  /** The URL with sample ids in it; unknown parameters get a random id (and the sweeps then ask for a sample). */
  const urlOf = (e: Endpoint) => e.url.replace(/\*$/, 'x').replace(/:\w+/g, () => sampleFor(e.url) ?? randomUUID());

  it('has a sample id for every route with a parameter, and a sample file for every upload', () => {
    const missing = endpoints.filter((e) => !isPublic(e.method, e.url) && e.url.includes(':') && !sampleFor(e.url)).map(key);
    expect(missing, 'add the route to `samples` with an id of something the sweeping roles must not touch (a random id would only test 404)').toEqual([]);
    expect(Object.values(samples).filter((id) => id.startsWith('no-')), 'the demo data has no such record').toEqual([]);
    const uploadRoutes = endpoints.filter((e) => ((e.route.schema ?? {}) as { consumes?: string[] }).consumes?.includes('multipart/form-data') && !uploads[e.url]).map(key);
    expect(uploadRoutes, 'add the route to `uploads` with a file that passes its parser').toEqual([]);
  });

  /** A request that passes the route's schema, so that the answer comes from the guard or the policy. */
  async function requestFor(e: Endpoint, headers: Record<string, string>): Promise<InjectOptions> {
    const schema = (e.route.schema ?? {}) as { body?: TSchema; querystring?: TSchema; consumes?: string[] };
    const query = schema.querystring ? (sampleOf(schema.querystring) as Record<string, string>) : {};
    const req: InjectOptions = { method: e.method as InjectOptions['method'], url: urlOf(e), query, headers: { ...headers } };
    if (schema.consumes?.includes('multipart/form-data')) {
      const upload = uploads[e.url] ?? { fields: {}, file: { name: 'x.json', data: '{}', type: 'application/json' } };
      const mp = await multipartBody(upload.fields, upload.file);
      req.payload = mp.payload;
      req.headers = { ...req.headers, ...mp.headers };
    } else if (schema.body) req.payload = sampleOf(schema.body) as InjectOptions['payload'];
    return req;
  }

  it('finds the routes of the API (so the sweeps below are not empty)', () => {
    const keys = new Set(endpoints.map(key));
    for (const k of ['GET /api/users', 'POST /api/users', 'GET /api/audit', 'GET /api/audit/export.csv', 'POST /api/files', 'GET /api/files/:id', 'GET /api/units', 'PUT /api/units/:id', 'GET /api/organisations', 'DELETE /api/organisations/:id', 'POST /api/organisations/import/brreg']) expect(keys, k).toContain(k);
    expect(endpoints.filter((e) => !isPublic(e.method, e.url)).length).toBeGreaterThanOrEqual(20);
  });

  it('lists only public routes that exist, and they answer without a session', async () => {
    const keys = new Set(endpoints.map(key));
    for (const k of PUBLIC_ROUTES) expect(keys, `${k} is listed as public but not registered; remove it from PUBLIC_ROUTES`).toContain(k);
    for (const url of ['/api/health', '/api/meta', '/api/auth/session', '/api/docs/json']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
    }
    expect((await t.app.inject({ url: '/api/auth/session' })).json()).toMatchObject({ authenticated: false, user: null, csrfToken: null });
  });

  it('answers 401 and nothing else on every non-public route without a session (also with a forged cookie and a /m/ prefix)', async () => {
    const leaks: string[] = [];
    for (const e of endpoints.filter((x) => !isPublic(x.method, x.url))) {
      for (const variant of [{ prefix: '', headers: {} }, { prefix: '', headers: { cookie: 'omstilling_sid=forged.value' } }, { prefix: '/m/asker', headers: {} }]) {
        // An empty JSON body: a guard that runs only after validation would answer 400 here.
        const payload = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(e.method) ? {} : undefined;
        const res = await t.app.inject({ method: e.method as InjectOptions['method'], url: variant.prefix + urlOf(e), headers: variant.headers, ...(payload ? { payload } : {}) });
        const body = jsonOf(res.body);
        const ok = res.statusCode === 401 && ((e.method === 'HEAD' && body === null) || (body?.code === 'unauthenticated' && Object.keys(body).sort().join() === 'code,details,message'));
        if (!ok) leaks.push(`${e.method} ${variant.prefix}${e.url} → ${res.statusCode} ${res.body.slice(0, 120)} (guard the route with onRequest: requireUser, or list it in PUBLIC_ROUTES)`);
      }
    }
    expect(leaks).toEqual([]);
  }, SWEEP_TIMEOUT);

  it.each(WHO)('answers 403 to a %s on every route not open to that role', async (who) => {
    const wrong: string[] = [];
    const session = sessions[who];
    for (const e of endpoints.filter((x) => !isPublic(x.method, x.url))) {
      const open = OPEN_TO[key(e)]?.includes(who) ?? false;
      const res = await t.app.inject(await requestFor(e, session.headers()));
      if (CHECKED_PER_LINE[key(e)]?.includes(who)) {
        if (res.statusCode !== 422 || res.json().code !== 'import_failed') wrong.push(`${e.method} ${e.url} checks ${who} line by line but answered ${res.statusCode} ${res.body.slice(0, 120)}`);
        continue;
      }
      if (open) {
        if (res.statusCode !== 200) wrong.push(`${e.method} ${e.url} is open to ${who} but answered ${res.statusCode} ${res.body.slice(0, 120)}`);
        continue;
      }
      const body = jsonOf(res.body);
      if (res.statusCode !== 403 || (e.method === 'HEAD' ? body !== null : body?.code !== 'forbidden' || Object.keys(body).sort().join() !== 'code,details,message')) {
        wrong.push(`${e.method} ${e.url} → ${res.statusCode} ${res.body.slice(0, 120)} (expected 403 for ${who}; if the route is meant for ${who}, list it in OPEN_TO)`);
      }
    }
    expect(wrong).toEqual([]);
  }, SWEEP_TIMEOUT);

  it('lets a business user see and change only their own organisation', async () => {
    const s = sessions.business;
    const list = await t.app.inject({ url: '/api/organisations?limit=200', headers: s.headers() });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((o: { id: string }) => o.id)).toEqual([ownOrg]);
    expect(list.json().total).toBe(1);
    expect((await t.app.inject({ url: `/api/organisations/${ownOrg}`, headers: s.headers() })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/organisations/${otherOrg}`, headers: s.headers() })).statusCode).toBe(403);
    const own = (await t.app.inject({ url: `/api/organisations/${ownOrg}`, headers: sessions.admin.headers() })).json();
    const body = { orgNumber: own.orgNumber, name: own.name, kind: own.kind, website: 'https://holmsbu.example' };
    const put = await t.app.inject({ method: 'PUT', url: `/api/organisations/${ownOrg}`, headers: s.headers(), payload: body });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().website).toBe('https://holmsbu.example');
    const other = (await t.app.inject({ url: `/api/organisations/${otherOrg}`, headers: sessions.admin.headers() })).json();
    const denied = await t.app.inject({ method: 'PUT', url: `/api/organisations/${otherOrg}`, headers: s.headers(), payload: { orgNumber: other.orgNumber, name: 'Kapret', kind: other.kind } });
    expect(denied.statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/organisations/${otherOrg}`, headers: sessions.admin.headers() })).json().name).toBe(other.name);
  });

  it("keeps a unit manager to their own unit's files and out of the unit register", async () => {
    const a = sessions.unit_manager;
    const mine = await multipartBody({ domain: 'foodwaste', ownerUnitId: unitA }, { name: 'a.png', data: PNG, type: 'image/png' });
    const up = await t.app.inject({ method: 'POST', url: '/api/files', headers: a.headers(mine.headers), payload: mine.payload });
    expect(up.statusCode, up.body).toBe(201);
    expect((await t.app.inject({ url: `/api/files/${up.json().id}`, headers: a.headers() })).statusCode).toBe(200);
    // Unit B's file and unit B's upload are not theirs.
    expect((await t.app.inject({ url: `/api/files/${fileB}`, headers: a.headers() })).statusCode).toBe(403);
    const theirs = await multipartBody({ domain: 'foodwaste', ownerUnitId: unitB }, { name: 'b.png', data: PNG, type: 'image/png' });
    expect((await t.app.inject({ method: 'POST', url: '/api/files', headers: a.headers(theirs.headers), payload: theirs.payload })).statusCode).toBe(403);
    // Unit A's file is not unit B's manager's either.
    expect((await t.app.inject({ url: `/api/files/${up.json().id}`, headers: sessions.unitManagerB.headers() })).statusCode).toBe(403);
    // Units are edited by the organisations editors, not by a unit's manager (not even their own).
    const unit = (await t.app.inject({ url: `/api/units/${unitB}`, headers: a.headers() })).json();
    const body = { parentId: unit.parentId, kind: unit.kind, type: unit.type, name: 'Omdøpt', staff: 1 };
    expect((await t.app.inject({ method: 'PUT', url: `/api/units/${unitB}`, headers: a.headers(), payload: body })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: `/api/units/${unitA}`, headers: a.headers(), payload: body })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/units/${unitB}`, headers: a.headers() })).json().name).toBe(unit.name);
    // The organisations editor may.
    const ok = await t.app.inject({ method: 'PUT', url: `/api/units/${unitB}`, headers: sessions.orgEditor.headers(), payload: { ...body, name: unit.name } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('gives an admin access to every non-public route (so the 403s above are about roles; last, as it writes)', async () => {
    const refused: string[] = [];
    for (const e of endpoints.filter((x) => !isPublic(x.method, x.url))) {
      const res = await t.app.inject(await requestFor(e, sessions.admin.headers()));
      const allowed = e.method === 'GET' || e.method === 'HEAD' ? res.statusCode === 200 : ![401, 403, 404].includes(res.statusCode);
      if (!allowed) refused.push(`${e.method} ${e.url} → ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    expect(refused).toEqual([]);
  }, SWEEP_TIMEOUT);
});
