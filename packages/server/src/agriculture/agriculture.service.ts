import {
  deliveriesByYear,
  formatPeriod,
  managementOn,
  organicShareByYear,
  parseNorwegianNumber,
  parsePeriod,
  validateCropAreas,
  validateDelivery,
  validateFarm,
  validatePlan,
  type CropArea,
  type Delivery,
  type Management,
} from '@omstilling/core';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { AppError, type ErrorDetail } from '../platform/errors.js';
import { newId, sha256 } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { readSpreadsheet } from '../platform/import/spreadsheet.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { osloToday } from '../foodwaste/foodwaste.service.js';
import { agricultureRepository, type CropAreaRow, type DeliveryRow, type FarmRow, type PlanRow, type SupportRow } from './agriculture.repository.js';
import { agriculturePolicy as policy } from './agriculture.policy.js';
import type { AgricultureReference } from './agriculture.reference.js';
import { resultsFile } from './agriculture.export.js';

/** What the agriculture services need besides the context. */
export interface AgricultureDeps {
  reference: AgricultureReference;
}

export const toOre = (nok: number) => Math.round(nok * 100);
const daa = (n: number) => Math.round(n * 10) / 10;

export const areaFacts = (r: CropAreaRow): CropArea => ({ farmId: r.farm_id, year: r.year, cropKey: r.crop_key, areaDaa: r.area_daa, management: r.management as Management, conversionStart: r.conversion_start });
export const deliveryFacts = (r: DeliveryRow): Delivery => ({ farmId: r.farm_id, year: r.year, month: r.month, channelKey: r.channel_key, productKey: r.product_key, kg: r.kg, valueOre: r.value_ore });
export const monthsOf = (deps: AgricultureDeps) => (cropKey: string) => deps.reference.crops.find((c) => c.key === cropKey)?.conversionMonths ?? 24;

async function organisationNames(ctx: Ctx) {
  const rows = await ctx.scope.selectFrom('organisation').select(['id', 'name', 'org_number', 'place']).execute();
  return new Map(rows.map((o) => [o.id, o]));
}
type Orgs = Awaited<ReturnType<typeof organisationNames>>;

function presentFarm(r: FarmRow, orgs: Orgs, deps: AgricultureDeps) {
  const o = orgs.get(r.organisation_id);
  const c = deps.reference.certifiers.find((x) => x.key === r.certifier_key);
  return {
    id: r.id,
    organisationId: r.organisation_id,
    name: o?.name ?? '',
    orgNumber: o?.org_number ?? '',
    place: o?.place ?? null,
    agriculturalAreaDaa: r.agricultural_area_daa,
    certifierKey: r.certifier_key,
    certifier: c ? c.name : null,
    certificateNumber: r.certificate_number,
    certificateDate: r.certificate_date,
    note: r.note,
    updatedAt: r.updated_at,
  };
}
export type FarmView = ReturnType<typeof presentFarm>;

const presentDelivery = (r: DeliveryRow) => ({ id: r.id, farmId: r.farm_id, year: r.year, month: r.month, period: formatPeriod(r.year, r.month), channelKey: r.channel_key, productKey: r.product_key, kg: r.kg, valueNok: r.value_ore / 100, note: r.note, importFile: r.import_file, importLine: r.import_line, enteredBy: r.entered_by_label, createdAt: r.created_at });
const presentPlan = (r: PlanRow) => ({ id: r.id, farmId: r.farm_id, targetYear: r.target_year, areaDaa: r.area_daa, status: r.status, note: r.note, updatedAt: r.updated_at });
const presentSupport = (r: SupportRow) => ({ id: r.id, farmId: r.farm_id, schemeKey: r.scheme_key, year: r.year, amountNok: r.amount_ore / 100, note: r.note, enteredBy: r.entered_by_label });

/** Crops, channels, product groups, certifiers, schemes, managements and plan statuses for forms and filters. */
export function options(ctx: Ctx, deps: AgricultureDeps) {
  if (!policy.signedIn(ctx.actor)) throw AppError.forbidden();
  const r = deps.reference;
  return { unit: r.unit, crops: r.crops, channels: r.channels, products: r.products, certifiers: r.certifiers, schemes: r.schemes, managements: ['conventional', 'conversion', 'organic'], planStatuses: ['planned', 'in_progress', 'completed', 'abandoned'], today: osloToday(ctx) };
}

/** The farm, if the caller may read it; 404 for an unknown id, 403 for someone else's farm. */
async function farmFor(ctx: Ctx, id: string, write: boolean): Promise<FarmRow> {
  const farm = await agricultureRepository(ctx.scope).farmById(id);
  if (!farm) throw AppError.notFound('Gården finnes ikke');
  if (write ? !policy.actFor(ctx.actor, farm.organisation_id) : !policy.readFarm(ctx.actor, farm.organisation_id)) throw AppError.forbidden('Du kan bare se og rapportere for din egen gård');
  return farm;
}

/** Farms the caller may see (staff: all; a farm's business user: their own), each with its latest year's areas and deliveries. */
export async function listFarms(ctx: Ctx, deps: AgricultureDeps) {
  if (!policy.signedIn(ctx.actor)) throw AppError.forbidden();
  const a = ctx.actor;
  let only: string | undefined;
  if (!policy.readAll(a)) {
    if (a.kind !== 'user' || a.role !== 'business' || !a.organisationId) throw AppError.forbidden();
    only = a.organisationId;
  }
  const repo = agricultureRepository(ctx.scope);
  const [farms, areas, deliveries, orgs] = await Promise.all([repo.farms(only), repo.areas(), repo.deliveries(), organisationNames(ctx)]);
  const today = osloToday(ctx);
  const thisYear = Number(today.slice(0, 4));
  const months = monthsOf(deps);
  return farms
    .map((f) => {
      const own = areas.filter((r) => r.farm_id === f.id).map(areaFacts);
      const latest = own.length ? Math.max(...own.map((x) => x.year)) : null;
      const share = latest === null ? null : organicShareByYear(own, [latest], months)[0]!;
      const del = deliveries.filter((d) => d.farm_id === f.id && d.year === thisYear - 1);
      return { ...presentFarm(f, orgs, deps), latestYear: latest, areaDaa: share?.totalDaa ?? 0, organicDaa: share?.organicDaa ?? 0, conversionDaa: share?.conversionDaa ?? 0, lastYearKg: del.reduce((s, d) => s + d.kg, 0), lastYear: thisYear - 1 };
    })
    .sort((x, y) => x.name.localeCompare(y.name, 'nb'));
}

export interface FarmInput {
  organisationId?: string;
  agriculturalAreaDaa: number;
  certifierKey?: string | null;
  certificateNumber?: string | null;
  certificateDate?: string | null;
  note?: string | null;
}

const clean = (s: string | null | undefined) => (s ?? '').trim() || null;

function checkFarm(ctx: Ctx, deps: AgricultureDeps, f: FarmInput) {
  const facts = { agriculturalAreaDaa: f.agriculturalAreaDaa, certifierKey: clean(f.certifierKey), certificateNumber: clean(f.certificateNumber), certificateDate: clean(f.certificateDate) };
  return { facts, issues: validateFarm(facts, deps.reference.certifiers, osloToday(ctx)) };
}

/** Registers an organisation of the register as a farm (agriculture editors). */
export async function createFarm(ctx: Ctx, deps: AgricultureDeps, input: FarmInput & { organisationId: string }): Promise<FarmView> {
  if (!policy.isEditor(ctx.actor)) throw AppError.forbidden();
  const { facts, issues } = checkFarm(ctx, deps, input);
  const org = await organisationsRepository(ctx.scope).organisationById(input.organisationId);
  if (!org) issues.unshift({ field: 'organisationId', message: 'Virksomheten finnes ikke i virksomhetsregisteret' });
  else if (await agricultureRepository(ctx.scope).farmByOrganisation(org.id)) issues.unshift({ field: 'organisationId', message: `${org.name} er allerede registrert som gård` });
  if (issues.length) throw AppError.validation('Gården kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), organisation_id: org!.id, agricultural_area_daa: facts.agriculturalAreaDaa, certifier_key: facts.certifierKey, certificate_number: facts.certificateNumber, certificate_date: facts.certificateDate, note: clean(input.note), created_at: at, updated_at: at };
    await agricultureRepository(scope).insertFarm(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'ag_farm', entityId: row.id, summary: `${org!.name} registrert som gård (${daa(row.agricultural_area_daa)} daa)`, before: null, after: { organisationId: row.organisation_id, agriculturalAreaDaa: row.agricultural_area_daa, certifierKey: row.certifier_key } });
    return presentFarm({ ...row, municipality_id: scope.municipalityId }, await organisationNames({ ...ctx, scope }), deps);
  });
}

/** Changes a farm's agricultural area, certificate and note (editors; the farm's own users). */
export async function updateFarm(ctx: Ctx, deps: AgricultureDeps, id: string, patch: Partial<FarmInput>): Promise<FarmView> {
  const before = await farmFor(ctx, id, true);
  const merged: FarmInput = {
    agriculturalAreaDaa: patch.agriculturalAreaDaa ?? before.agricultural_area_daa,
    certifierKey: patch.certifierKey !== undefined ? patch.certifierKey : before.certifier_key,
    certificateNumber: patch.certificateNumber !== undefined ? patch.certificateNumber : before.certificate_number,
    certificateDate: patch.certificateDate !== undefined ? patch.certificateDate : before.certificate_date,
    note: patch.note !== undefined ? patch.note : before.note,
  };
  const { facts, issues } = checkFarm(ctx, deps, merged);
  // The farm may not shrink below what it has reported for any year.
  const repo = agricultureRepository(ctx.scope);
  const byYear = new Map<number, number>();
  for (const a of await repo.areas(id)) byYear.set(a.year, (byYear.get(a.year) ?? 0) + a.area_daa);
  const [worstYear, worst] = [...byYear].sort((x, y) => y[1] - x[1])[0] ?? [null, 0];
  if (!issues.length && worstYear !== null && worst > facts.agriculturalAreaDaa + 1e-9) issues.push({ field: 'agriculturalAreaDaa', message: `Arealene for ${worstYear} er til sammen ${daa(worst)} dekar; jordbruksarealet kan ikke være mindre` });
  if (issues.length) throw AppError.validation('Gården kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const set = { agricultural_area_daa: facts.agriculturalAreaDaa, certifier_key: facts.certifierKey, certificate_number: facts.certificateNumber, certificate_date: facts.certificateDate, note: clean(merged.note), updated_at: nowIso(ctx) };
    await agricultureRepository(scope).updateFarm(id, set);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'ag_farm', entityId: id, summary: 'Gård endret', before: { agriculturalAreaDaa: before.agricultural_area_daa, certifierKey: before.certifier_key, certificateNumber: before.certificate_number }, after: { agriculturalAreaDaa: set.agricultural_area_daa, certifierKey: set.certifier_key, certificateNumber: set.certificate_number } });
    return presentFarm({ ...before, ...set }, await organisationNames({ ...ctx, scope }), deps);
  });
}

/** One farm: its facts, areas by year with the organic share, deliveries by year, plans and support. */
export async function getFarm(ctx: Ctx, deps: AgricultureDeps, id: string) {
  const farm = await farmFor(ctx, id, false);
  const repo = agricultureRepository(ctx.scope);
  const [areas, deliveries, plans, support, orgs] = await Promise.all([repo.areas(id), repo.deliveries([id]), repo.plans(id), repo.support(id), organisationNames(ctx)]);
  const today = osloToday(ctx);
  const thisYear = Number(today.slice(0, 4));
  const facts = areas.map(areaFacts);
  const years = [...new Set([...facts.map((a) => a.year), ...deliveries.map((d) => d.year)])].sort((a, b) => b - a);
  const months = monthsOf(deps);
  const shares = organicShareByYear(facts, years, months);
  const dels = deliveriesByYear(deliveries.map(deliveryFacts), years, deps.reference.products);
  return {
    farm: presentFarm(farm, orgs, deps),
    canEdit: policy.actFor(ctx.actor, farm.organisation_id),
    canGrant: policy.isEditor(ctx.actor),
    today,
    years: years.map((year) => {
      const s = shares.find((x) => x.year === year)!;
      const d = dels.find((x) => x.year === year)!;
      const endOf = year === thisYear ? today : `${year}-12-31`;
      return {
        year,
        areas: facts.filter((a) => a.year === year).map((a) => ({ cropKey: a.cropKey, areaDaa: a.areaDaa, management: a.management, conversionStart: a.conversionStart, managementAtEnd: managementOn(a, endOf, months(a.cropKey)) })),
        totalDaa: s.totalDaa,
        organicDaa: s.organicDaa,
        conversionDaa: s.conversionDaa,
        organicShare: s.organicShare,
        conversionShare: s.conversionShare,
        deliveredKg: d.kg,
        deliveredNok: d.valueOre / 100,
      };
    }),
    plans: plans.map(presentPlan),
    support: support.map(presentSupport),
  };
}

export interface AreaInput {
  cropKey: string;
  areaDaa: number;
  management: string;
  conversionStart?: string | null;
}

/** Replaces a farm's crop areas for one year (the year's list as a whole), checked against the farm's agricultural area. */
export async function setAreas(ctx: Ctx, deps: AgricultureDeps, id: string, input: { year: number; areas: AreaInput[] }) {
  const farm = await farmFor(ctx, id, true);
  const rows = input.areas.map((a) => ({ cropKey: a.cropKey, areaDaa: a.areaDaa, management: a.management as Management, conversionStart: clean(a.conversionStart) }));
  const issues = validateCropAreas(input.year, rows, farm.agricultural_area_daa, deps.reference.crops);
  if (issues.length) throw AppError.validation('Arealene kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const repo = agricultureRepository(scope);
    const before = await repo.areasOfYear(id, input.year);
    const at = nowIso(ctx);
    const label = actorLabel(ctx.actor);
    await repo.replaceAreas(id, input.year, rows.map((a) => ({ id: newId(), farm_id: id, year: input.year, crop_key: a.cropKey, area_daa: a.areaDaa, management: a.management, conversion_start: a.management === 'conversion' ? a.conversionStart : null, entered_by_label: label, created_at: at })));
    const sum = (xs: { area_daa?: number; areaDaa?: number; management: string }[], m?: string) => daa(xs.filter((x) => !m || x.management === m).reduce((s, x) => s + (x.area_daa ?? x.areaDaa ?? 0), 0));
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'ag_crop_area', entityId: `${id}/${input.year}`, summary: `Arealer for ${input.year} lagret (${sum(rows)} daa, ${sum(rows, 'organic')} daa økologisk, ${sum(rows, 'conversion')} daa karens)`, before: { year: input.year, totalDaa: sum(before), organicDaa: sum(before, 'organic') }, after: { year: input.year, totalDaa: sum(rows), organicDaa: sum(rows, 'organic') } });
    return { year: input.year, areas: rows };
  });
}

/** A farm's deliveries, newest period first, paged. */
export async function listDeliveries(ctx: Ctx, id: string, q: { limit?: number; offset?: number }) {
  await farmFor(ctx, id, false);
  const limit = Math.min(Math.max(q.limit ?? 25, 1), 200);
  const offset = Math.max(q.offset ?? 0, 0);
  const page = await agricultureRepository(ctx.scope).deliveryPage(id, limit, offset);
  return { total: page.total, limit, offset, items: page.rows.map(presentDelivery) };
}

export interface DeliveryInput {
  year: number;
  month?: number | null;
  channelKey: string;
  productKey: string;
  kg: number;
  valueNok: number;
  note?: string | null;
}

/** Reports a delivery to the local market for a farm (its own users, or editors). */
export async function createDelivery(ctx: Ctx, deps: AgricultureDeps, farmId: string, input: DeliveryInput) {
  const farm = await farmFor(ctx, farmId, true);
  const d = { year: input.year, month: input.month ?? null, channelKey: input.channelKey, productKey: input.productKey, kg: input.kg, valueOre: Number.isFinite(input.valueNok) ? toOre(input.valueNok) : Number.NaN };
  const issues = validateDelivery(d, deps.reference.channels, deps.reference.products, osloToday(ctx));
  if (issues.length) throw AppError.validation('Leveransen kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const row = { id: newId(), farm_id: farm.id, year: d.year, month: d.month, channel_key: d.channelKey, product_key: d.productKey, kg: d.kg, value_ore: d.valueOre, note: clean(input.note), client_key: null, import_file: null, import_line: null, entered_by_label: actorLabel(ctx.actor), created_at: nowIso(ctx) };
    await agricultureRepository(scope).insertDeliveries([row]);
    const view = presentDelivery({ ...row, municipality_id: scope.municipalityId });
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'ag_delivery', entityId: row.id, summary: `${String(row.kg).replace('.', ',')} kg ${row.product_key} levert lokalt (${row.channel_key}, ${view.period})`, before: null, after: { farmId: farm.id, period: view.period, channelKey: row.channel_key, productKey: row.product_key, kg: row.kg, valueNok: view.valueNok } });
    return view;
  });
}

/** Deletes a delivery reported by mistake (the farm's users, or editors). */
export async function deleteDelivery(ctx: Ctx, id: string) {
  const before = await agricultureRepository(ctx.scope).deliveryById(id);
  if (!before) throw AppError.notFound('Leveransen finnes ikke');
  await farmFor(ctx, before.farm_id, true);
  await ctx.scope.transaction(async (scope) => {
    await agricultureRepository(scope).deleteDelivery(id);
    await recordAudit({ ...ctx, scope }, { action: 'delete', entityType: 'ag_delivery', entityId: id, summary: 'Leveranse slettet', before: presentDelivery(before), after: null });
  });
}

// ---------- import ----------

const COLUMNS = ['orgnr', 'periode', 'kanal', 'varegruppe', 'kg', 'verdi_nok'] as const;
const ALIASES: Record<string, string> = { organisasjonsnummer: 'orgnr', org_number: 'orgnr', orgnumber: 'orgnr', period: 'periode', år: 'periode', channel: 'kanal', salgskanal: 'kanal', product: 'varegruppe', vare: 'varegruppe', mengde_kg: 'kg', verdi: 'verdi_nok', 'verdi (nok)': 'verdi_nok', value_nok: 'verdi_nok', kroner: 'verdi_nok', note: 'merknad' };

/** A channel or product group from its key or its Norwegian or English name (case-insensitive). */
const keyOf = (value: string, list: readonly { key: string; nb: string; en: string }[]) => {
  const v = value.trim().toLowerCase();
  return list.find((x) => x.key === v || x.nb.toLowerCase() === v || x.en.toLowerCase() === v)?.key ?? v;
};

/**
 * Imports deliveries from CSV/XLSX (orgnr;periode;kanal;varegruppe;kg;verdi_nok[;merknad]). All or
 * nothing: any bad line fails the file and every bad line is listed with its number. Lines are
 * keyed by the file's content and line number, so the same file twice adds nothing. Editors
 * import for any farm; a farm's business user only for their own farm.
 */
export async function importDeliveries(ctx: Ctx, deps: AgricultureDeps, fileName: string, data: Buffer) {
  const a = ctx.actor;
  const repo = agricultureRepository(ctx.scope);
  const editor = policy.isEditor(a);
  const own = !editor && a.kind === 'user' && a.role === 'business' && a.organisationId ? await repo.farmByOrganisation(a.organisationId) : undefined;
  if (!editor && !own) throw AppError.forbidden('Bare landbrukskontoret og gårdenes egne brukere kan importere leveranser');
  const sheet = await readSpreadsheet(fileName, data);
  const header = sheet.header.map((h) => ALIASES[h] ?? h);
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new AppError('import_failed', `${fileName}: mangler kolonne ${missing.join(', ')}`, missing.map((m) => ({ file: fileName, line: 1, field: m, message: `Kolonnen «${m}» mangler i første linje` })));
  const [farms, orgs] = await Promise.all([repo.farms(), organisationNames(ctx)]);
  const farmByNumber = new Map(farms.map((f) => [orgs.get(f.organisation_id)?.org_number ?? '', f]));
  const fileHash = sha256(data).slice(0, 16);
  const today = osloToday(ctx);
  const details: ErrorDetail[] = [];
  const rows: Parameters<ReturnType<typeof agricultureRepository>['insertDeliveries']>[0] = [];
  const at = nowIso(ctx);
  const label = actorLabel(ctx.actor);
  const names: Record<string, string> = { year: 'periode', month: 'periode', channel: 'kanal', product: 'varegruppe', kg: 'kg', valueNok: 'verdi_nok' };
  for (const r of sheet.rows) {
    const cell = (c: string) => {
      const i = sheet.header.findIndex((h) => (ALIASES[h] ?? h) === c);
      return i < 0 ? '' : (r.cells[sheet.header[i]!] ?? '').trim();
    };
    const bad = (field: string, message: string) => details.push({ file: fileName, line: r.line, field, message });
    const number = cell('orgnr').replace(/\s/g, '');
    const farm = farmByNumber.get(number);
    if (!farm) bad('orgnr', `Ingen gård med organisasjonsnummer «${cell('orgnr')}» er registrert`);
    else if (!editor && farm.id !== own!.id) bad('orgnr', 'Du kan bare rapportere leveranser for din egen gård');
    const period = parsePeriod(cell('periode'));
    if (!period) bad('periode', `«${cell('periode')}» er ikke en periode (skriv 2025 for hele året eller 2025-06 for en måned)`);
    const kg = parseNorwegianNumber(cell('kg'));
    const nok = cell('verdi_nok') === '' ? 0 : parseNorwegianNumber(cell('verdi_nok'));
    const d = { year: period?.year ?? Number.NaN, month: period?.month ?? null, channelKey: keyOf(cell('kanal'), deps.reference.channels), productKey: keyOf(cell('varegruppe'), deps.reference.products), kg: kg ?? Number.NaN, valueOre: nok === null ? Number.NaN : toOre(nok) };
    for (const i of validateDelivery(d, deps.reference.channels, deps.reference.products, today)) {
      if (!period && (i.field === 'year' || i.field === 'month')) continue;
      bad(names[i.field] ?? i.field, i.field === 'kg' && kg === null ? `«${cell('kg')}» er ikke et tall` : i.field === 'valueNok' && nok === null ? `«${cell('verdi_nok')}» er ikke et beløp` : i.message);
    }
    if (farm) rows.push({ id: newId(), farm_id: farm.id, year: d.year, month: d.month, channel_key: d.channelKey, product_key: d.productKey, kg: d.kg, value_ore: d.valueOre, note: cell('merknad') || null, client_key: `import:${fileHash}:${r.line}`, import_file: fileName, import_line: r.line, entered_by_label: label, created_at: at });
  }
  if (!sheet.rows.length) details.push({ file: fileName, line: 2, field: 'kg', message: 'Filen har ingen leveranser' });
  if (details.length) {
    const lines = new Set(details.map((d) => d.line)).size;
    throw new AppError('import_failed', `${fileName}: ${lines} ${lines === 1 ? 'linje har' : 'linjer har'} feil; ingenting er importert`, details);
  }
  return ctx.scope.transaction(async (scope) => {
    const trepo = agricultureRepository(scope);
    const seen = await trepo.existingClientKeys(rows.map((r) => r.client_key!));
    const fresh = rows.filter((r) => !seen.has(r.client_key!));
    await trepo.insertDeliveries(fresh);
    if (fresh.length) await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'ag_delivery', entityId: fileName, summary: `${fresh.length} leveranser importert fra ${fileName}`, after: { file: fileName, created: fresh.length } });
    return { file: fileName, rows: rows.length, created: fresh.length, unchanged: rows.length - fresh.length };
  });
}

// ---------- plans and support ----------

export interface PlanInput {
  targetYear: number;
  areaDaa: number;
  status: string;
  note?: string | null;
}

/** Adds a conversion plan to a farm (its own users, or editors). */
export async function createPlan(ctx: Ctx, farmId: string, input: PlanInput) {
  const farm = await farmFor(ctx, farmId, true);
  const issues = validatePlan(input, farm.agricultural_area_daa, Number(osloToday(ctx).slice(0, 4)));
  if (issues.length) throw AppError.validation('Omleggingsplanen kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), farm_id: farmId, target_year: input.targetYear, area_daa: input.areaDaa, status: input.status, note: clean(input.note), created_at: at, updated_at: at };
    await agricultureRepository(scope).insertPlan(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'ag_plan', entityId: row.id, summary: `Omleggingsplan: ${daa(row.area_daa)} daa innen ${row.target_year}`, before: null, after: { status: row.status, targetYear: row.target_year, areaDaa: row.area_daa } });
    return presentPlan({ ...row, municipality_id: scope.municipalityId });
  });
}

/** Changes a conversion plan (its status, target year, area). */
export async function updatePlan(ctx: Ctx, id: string, patch: Partial<PlanInput>) {
  const before = await agricultureRepository(ctx.scope).planById(id);
  if (!before) throw AppError.notFound('Omleggingsplanen finnes ikke');
  const farm = await farmFor(ctx, before.farm_id, true);
  const merged = { targetYear: patch.targetYear ?? before.target_year, areaDaa: patch.areaDaa ?? before.area_daa, status: patch.status ?? before.status, note: patch.note !== undefined ? patch.note : before.note };
  const issues = validatePlan(merged, farm.agricultural_area_daa, Number(osloToday(ctx).slice(0, 4)));
  if (issues.length) throw AppError.validation('Omleggingsplanen kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const set = { target_year: merged.targetYear, area_daa: merged.areaDaa, status: merged.status, note: clean(merged.note), updated_at: nowIso(ctx) };
    await agricultureRepository(scope).updatePlan(id, set);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'ag_plan', entityId: id, summary: `Omleggingsplan endret (${before.status} → ${set.status})`, before: { status: before.status, targetYear: before.target_year, areaDaa: before.area_daa }, after: { status: set.status, targetYear: set.target_year, areaDaa: set.area_daa } });
    return presentPlan({ ...before, ...set });
  });
}

export interface SupportInput {
  schemeKey: string;
  year: number;
  amountNok: number;
  note?: string | null;
}

/** Records support granted to a farm (the agriculture office). */
export async function createSupport(ctx: Ctx, deps: AgricultureDeps, farmId: string, input: SupportInput) {
  const farm = await agricultureRepository(ctx.scope).farmById(farmId);
  if (!farm) throw AppError.notFound('Gården finnes ikke');
  if (!policy.isEditor(ctx.actor)) throw AppError.forbidden('Bare landbrukskontoret registrerer tilskudd');
  const issues: ErrorDetail[] = [];
  const thisYear = Number(osloToday(ctx).slice(0, 4));
  if (!deps.reference.schemes.some((s) => s.key === input.schemeKey)) issues.push({ field: 'schemeKey', message: `Ukjent tilskuddsordning «${input.schemeKey}»` });
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > thisYear + 1) issues.push({ field: 'year', message: `Året må være mellom 2000 og ${thisYear + 1}` });
  if (!Number.isFinite(input.amountNok) || input.amountNok <= 0) issues.push({ field: 'amountNok', message: 'Beløpet må være større enn 0 kroner' });
  else if (input.amountNok > 100_000_000) issues.push({ field: 'amountNok', message: 'Beløpet er urimelig stort' });
  if (issues.length) throw AppError.validation('Tilskuddet kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const row = { id: newId(), farm_id: farmId, scheme_key: input.schemeKey, year: input.year, amount_ore: toOre(input.amountNok), note: clean(input.note), entered_by_label: actorLabel(ctx.actor), created_at: nowIso(ctx) };
    await agricultureRepository(scope).insertSupport(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'ag_support', entityId: row.id, summary: `Tilskudd ${row.scheme_key} ${row.year}: kr ${input.amountNok}`, before: null, after: { schemeKey: row.scheme_key, year: row.year, amountNok: input.amountNok } });
    return presentSupport({ ...row, municipality_id: scope.municipalityId });
  });
}

/** Deletes a support record entered by mistake (the agriculture office). */
export async function deleteSupport(ctx: Ctx, id: string) {
  const before = await agricultureRepository(ctx.scope).supportById(id);
  if (!before) throw AppError.notFound('Tilskuddet finnes ikke');
  if (!policy.isEditor(ctx.actor)) throw AppError.forbidden('Bare landbrukskontoret registrerer tilskudd');
  await ctx.scope.transaction(async (scope) => {
    await agricultureRepository(scope).deleteSupport(id);
    await recordAudit({ ...ctx, scope }, { action: 'delete', entityType: 'ag_support', entityId: id, summary: 'Tilskudd slettet', before: presentSupport(before), after: null });
  });
}

// ---------- results ----------

/**
 * The municipality's figures by year: farmland by management on 31 December (organic and in
 * conversion apart), deliveries to the local market by channel and product group, farms
 * delivering (all produce, and vegetables/fruit/berries/potatoes), support by scheme, and plans.
 */
export async function results(ctx: Ctx, deps: AgricultureDeps) {
  if (!policy.readAll(ctx.actor)) throw AppError.forbidden();
  const repo = agricultureRepository(ctx.scope);
  const [farms, areas, deliveries, plans, support] = await Promise.all([repo.farms(), repo.areas(), repo.deliveries(), repo.plans(), repo.support()]);
  const today = osloToday(ctx);
  const thisYear = Number(today.slice(0, 4));
  const all = [...areas.map((a) => a.year), ...deliveries.map((d) => d.year), ...support.map((s) => s.year)];
  const first = all.length ? Math.min(...all) : thisYear;
  const years = Array.from({ length: Math.max(0, thisYear - first) + 1 }, (_, i) => first + i);
  const shares = organicShareByYear(areas.map(areaFacts), years, monthsOf(deps));
  const dels = deliveriesByYear(deliveries.map(deliveryFacts), years, deps.reference.products);
  return {
    asOf: today,
    unit: deps.reference.unit,
    farms: farms.length,
    years: years.map((year) => {
      const s = shares.find((x) => x.year === year)!;
      const d = dels.find((x) => x.year === year)!;
      const sup = support.filter((x) => x.year === year);
      return {
        ...s,
        partial: year === thisYear,
        deliveredKg: d.kg,
        deliveredNok: d.valueOre / 100,
        byChannel: Object.fromEntries(Object.entries(d.byChannel).map(([k, v]) => [k, { kg: v.kg, nok: v.valueOre / 100 }])),
        byProduct: Object.fromEntries(Object.entries(d.byProduct).map(([k, v]) => [k, { kg: v.kg, nok: v.valueOre / 100 }])),
        deliveringFarms: d.farms,
        horticultureFarms: d.horticultureFarms,
        supportNok: sup.reduce((t, x) => t + x.amount_ore, 0) / 100,
        supportByScheme: Object.fromEntries(deps.reference.schemes.map((sc) => [sc.key, sup.filter((x) => x.scheme_key === sc.key).reduce((t, x) => t + x.amount_ore, 0) / 100]).filter(([, v]) => (v as number) > 0)),
      };
    }),
    plans: { open: plans.filter((p) => p.status === 'planned' || p.status === 'in_progress').length, openAreaDaa: daa(plans.filter((p) => p.status === 'planned' || p.status === 'in_progress').reduce((t, p) => t + p.area_daa, 0)), completed: plans.filter((p) => p.status === 'completed').length },
  };
}

/** The results as CSV or XLSX (staff). */
export async function exportResults(ctx: Ctx, deps: AgricultureDeps, q: { format?: 'csv' | 'xlsx'; table?: 'years' | 'deliveries' }) {
  const r = await results(ctx, deps);
  return resultsFile(r, deps.reference, q.format ?? 'csv', q.table ?? 'years');
}
