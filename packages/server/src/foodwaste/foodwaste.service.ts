import {
  ACTIVITY_KINDS,
  byDistance,
  changeFromBaseline,
  checkPosition,
  DEFAULT_TARGET,
  effectiveOfferState,
  INTENSITY_UNITS,
  isIsoDate,
  kgPerResidentPerYear,
  kitchenProgress,
  listKeyFromLabel,
  listLabelNb,
  mealsFrom,
  mergeLists,
  OFFER_STATE_NB,
  parseKg,
  refusedMessage,
  totals,
  validateOffer,
  validateListItem,
  validateRegistration,
  type ActivityKind,
  type FoodwasteLists,
  type ListItem,
  type ListName,
  type Position,
  type ActivityRecord,
  type KitchenPlan,
  type OfferState,
  type RegistrationInput,
  type WasteRecord,
} from '@omstilling/core';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { AppError, type ErrorDetail } from '../platform/errors.js';
import { newId, sha256 } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { readSpreadsheet } from '../platform/import/spreadsheet.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { foodwasteRepository, type KitchenRow, type ListItemRow, type OfferRow, type RegistrationRow } from './foodwaste.repository.js';
import { foodwastePolicy as policy, RECEIVER_KINDS } from './foodwaste.policy.js';
import type { FoodwasteReference } from './foodwaste.reference.js';
import { registrationsFile } from './foodwaste.export.js';

/** What the food-waste services need besides the context. */
export interface FoodwasteDeps {
  reference: FoodwasteReference;
}

export const KITCHEN_KINDS = ['nursing_home', 'kindergarten', 'school', 'canteen', 'production', 'hotel', 'shop', 'restaurant', 'institution'] as const;

/** Today in Norway (a cook at 00:30 registers "today", which is still yesterday in UTC). */
export function osloToday(ctx: Pick<Ctx, 'now'>): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ctx.now());
}

const minusYear = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
const addDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

// ---------- presenters ----------

export interface KitchenView {
  id: string;
  name: string;
  kind: string;
  unitId: string | null;
  organisationId: string | null;
  owner: 'municipal' | 'external';
  activityKind: ActivityKind;
  intensityUnit: { nb: string; en: string };
  baselineFrom: string | null;
  baselineTo: string | null;
  targetReduction: number;
  targetDate: string;
  lat: number | null;
  lon: number | null;
}

export function presentKitchen(k: KitchenRow): KitchenView {
  const kind = k.activity_kind as ActivityKind;
  return {
    id: k.id,
    name: k.name,
    kind: k.kind,
    unitId: k.unit_id,
    organisationId: k.organisation_id,
    owner: k.unit_id ? 'municipal' : 'external',
    activityKind: kind,
    intensityUnit: { nb: INTENSITY_UNITS[kind].nb, en: INTENSITY_UNITS[kind].en },
    baselineFrom: k.baseline_from,
    baselineTo: k.baseline_to,
    targetReduction: Number(k.target_reduction),
    targetDate: k.target_date,
    lat: k.lat === null ? null : Number(k.lat),
    lon: k.lon === null ? null : Number(k.lon),
  };
}

const presentRegistration = (r: RegistrationRow) => ({
  id: r.id,
  kitchenId: r.kitchen_id,
  date: r.date,
  stage: r.stage,
  category: r.category,
  reason: r.reason,
  destination: r.destination,
  kg: Number(r.kg),
  note: r.note,
  enteredBy: r.entered_by_label,
  importFile: r.import_file,
  importLine: r.import_line === null ? null : Number(r.import_line),
  createdAt: r.created_at,
});
export type RegistrationView = ReturnType<typeof presentRegistration>;

const wasteOf = (r: RegistrationRow): WasteRecord => ({ kitchenId: r.kitchen_id, date: r.date, kg: Number(r.kg), stage: r.stage, category: r.category, reason: r.reason, destination: r.destination });
const planOf = (k: KitchenRow): KitchenPlan => ({ activityKind: k.activity_kind as ActivityKind, baselineFrom: k.baseline_from, baselineTo: k.baseline_to, targetReduction: Number(k.target_reduction), targetDate: k.target_date });

// ---------- who sees which kitchens ----------

/** The kitchens the actor may act for (editors and staff readers: all). */
async function visibleKitchens(ctx: Ctx): Promise<KitchenRow[]> {
  const repo = foodwasteRepository(ctx.scope);
  if (policy.isEditor(ctx.actor) || (ctx.actor.kind === 'user' && ctx.actor.role === 'editor')) {
    // Editors of other domains see the list too (it is internal, not personal); they cannot write.
    return repo.kitchens(null);
  }
  if (ctx.actor.kind !== 'user') return [];
  return repo.kitchens({ unitIds: ctx.actor.role === 'unit_manager' ? ctx.actor.unitScope : [], organisationId: ctx.actor.role === 'business' ? ctx.actor.organisationId : null });
}

/**
 * The kitchen a write is for. A kitchen that is missing or not the caller's answers 403 to those
 * who cannot see every kitchen (so ids are not probed), and 400 to editors (the body is wrong).
 */
async function kitchenForWrite(ctx: Ctx, kitchenId: string): Promise<KitchenRow> {
  const k = await foodwasteRepository(ctx.scope).kitchenById(kitchenId);
  if (!k) {
    if (!policy.isEditor(ctx.actor)) throw AppError.forbidden('Du kan bare registrere for dine egne kjøkken');
    throw AppError.validation('Kjøkkenet finnes ikke', [{ field: 'kitchenId', message: 'Velg et kjøkken som finnes' }]);
  }
  if (!policy.actForKitchen(ctx.actor, k)) throw AppError.forbidden('Du kan bare registrere for dine egne kjøkken');
  return k;
}

// ---------- lists ----------

const itemOf = (r: ListItemRow): ListItem => ({ list: r.list as ListName, key: r.key, labelNb: r.label_nb, labelEn: r.label_en, active: Number(r.active) === 1 });
const presentListItem = (r: ListItemRow) => ({ id: r.id, ...itemOf(r), createdAt: r.created_at, updatedAt: r.updated_at });
export type ListItemView = ReturnType<typeof presentListItem>;

/** The lists registrations are checked against: the built-in entries and the municipality's own active ones. */
async function listsFor(ctx: Ctx, deps: FoodwasteDeps): Promise<{ lists: FoodwasteLists; items: ListItem[] }> {
  const items = (await foodwasteRepository(ctx.scope).listItems()).map(itemOf);
  return { lists: mergeLists(deps.reference.lists, items), items };
}

/**
 * The lists (stages, categories, reasons, destinations — with the municipality's own entries and
 * their labels —, activity kinds) and the factors with their sources.
 */
export async function options(ctx: Ctx, deps: FoodwasteDeps) {
  if (!policy.signedIn(ctx.actor)) throw AppError.forbidden();
  const r = deps.reference;
  const { lists, items } = await listsFor(ctx, deps);
  return {
    stages: [...lists.stages],
    categories: [...lists.categories],
    reasons: [...lists.reasons],
    destinations: [...lists.destinations],
    /** Labels of the municipality's own entries (inactive ones too: old registrations use them). */
    labels: items.map((i) => ({ list: i.list, key: i.key, nb: i.labelNb, en: i.labelEn || i.labelNb })),
    activityKinds: [...ACTIVITY_KINDS],
    kitchenKinds: [...KITCHEN_KINDS],
    maxKg: r.rules.maxKg,
    maxKgPerOffer: r.rules.maxKgPerOffer,
    factors: {
      kgCo2ePerKg: { value: r.factors.kgCo2ePerKg, ...r.sources.kgCo2ePerKg },
      mealsPerKg: { value: r.factors.mealsPerKg, ...r.sources.mealsPerKg },
      nokPerKg: { value: r.factors.nokPerKg, ...r.sources.nokPerKg },
    },
    today: osloToday(ctx),
  };
}

/** The municipality's own list entries, for the editors' list page. */
export async function listItems(ctx: Ctx): Promise<ListItemView[]> {
  if (!policy.signedIn(ctx.actor)) throw AppError.forbidden();
  return (await foodwasteRepository(ctx.scope).listItems()).map(presentListItem);
}

/** Food-waste editors add a stage, category, reason or destination; its key is made from the Norwegian name. */
export async function addListItem(ctx: Ctx, input: { list: string; labelNb: string; labelEn?: string }): Promise<ListItemView> {
  if (!policy.editKitchens(ctx.actor)) throw AppError.forbidden();
  return ctx.scope.transaction(async (scope) => {
    const repo = foodwasteRepository(scope);
    const existing = (await repo.listItems()).map(itemOf);
    const issues = validateListItem(input, existing);
    if (issues.length) throw AppError.validation('Oppføringen kunne ikke lagres', issues);
    const at = nowIso(ctx);
    const row = { id: newId(), list: input.list, key: listKeyFromLabel(input.labelNb), label_nb: input.labelNb.trim(), label_en: (input.labelEn ?? '').trim() || input.labelNb.trim(), active: 1, created_at: at, updated_at: at };
    await repo.insertListItem(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'fw_list_item', entityId: row.id, summary: `Ny oppføring i listen ${input.list}: ${row.label_nb}`, before: null, after: { list: row.list, key: row.key, labelNb: row.label_nb, labelEn: row.label_en } });
    return presentListItem({ ...row, municipality_id: scope.municipalityId });
  });
}

/** Renames an own list entry, or takes it out of use (registrations that use it keep it) and back. */
export async function updateListItem(ctx: Ctx, id: string, input: { labelNb?: string; labelEn?: string; active?: boolean }): Promise<ListItemView> {
  if (!policy.editKitchens(ctx.actor)) throw AppError.forbidden();
  return ctx.scope.transaction(async (scope) => {
    const repo = foodwasteRepository(scope);
    const before = await repo.listItemById(id);
    if (!before) throw AppError.notFound('Oppføringen finnes ikke');
    const labelNb = input.labelNb?.trim() ?? before.label_nb;
    if (labelNb !== before.label_nb) {
      // A new name is checked like a new entry, against the others; the key stays, so old registrations keep their entry.
      const others = (await repo.listItems()).filter((r) => r.id !== id).map(itemOf);
      const issues = validateListItem({ list: before.list, labelNb, labelEn: input.labelEn }, others);
      if (issues.length) throw AppError.validation('Oppføringen kunne ikke lagres', issues);
    }
    const set = { label_nb: labelNb, label_en: input.labelEn?.trim() || before.label_en, active: input.active === undefined ? Number(before.active) : input.active ? 1 : 0, updated_at: nowIso(ctx) };
    await repo.updateListItem(id, set);
    const after = { ...before, ...set };
    const summary = set.active !== Number(before.active) ? `${set.active ? 'Tatt i bruk igjen' : 'Tatt ut av bruk'}: ${after.label_nb}` : `Endret: ${after.label_nb}`;
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'fw_list_item', entityId: id, summary, before: { labelNb: before.label_nb, labelEn: before.label_en, active: Number(before.active) === 1 }, after: { labelNb: after.label_nb, labelEn: after.label_en, active: after.active === 1 } });
    return presentListItem(after);
  });
}

// ---------- kitchens ----------

export interface KitchenInput {
  name: string;
  kind: string;
  unitId?: string | null;
  organisationId?: string | null;
  activityKind: string;
  baselineFrom?: string | null;
  baselineTo?: string | null;
  targetReduction?: number;
  targetDate?: string;
  lat?: number | null;
  lon?: number | null;
}

/** Kitchens the caller may see, each with its status against its target. */
export async function listKitchens(ctx: Ctx, deps: FoodwasteDeps, asOf?: string) {
  if (!policy.signedIn(ctx.actor)) throw AppError.forbidden();
  const date = asOf ?? osloToday(ctx);
  const kitchens = await visibleKitchens(ctx);
  const repo = foodwasteRepository(ctx.scope);
  const ids = kitchens.map((k) => k.id);
  const [waste, activity] = await Promise.all([repo.registrations(ids), repo.activity(ids)]);
  return kitchens.map((k) => ({ ...presentKitchen(k), ...summaryOf(k, waste, activity, date, deps) }));
}

function summaryOf(k: KitchenRow, allWaste: RegistrationRow[], allActivity: { kitchen_id: string; date: string; amount: number }[], asOf: string, deps: FoodwasteDeps) {
  const w = allWaste.filter((r) => r.kitchen_id === k.id).map(wasteOf);
  const a: ActivityRecord[] = allActivity.filter((r) => r.kitchen_id === k.id).map((r) => ({ kitchenId: r.kitchen_id, date: r.date, amount: Number(r.amount) }));
  const p = kitchenProgress(planOf(k), w, a, asOf);
  const latest = p.series.filter((x) => !x.partial).at(-1) ?? null;
  const lastYear = w.filter((r) => r.date > minusYear(asOf) && r.date <= asOf);
  return {
    status: p.assessment.status,
    reason: p.assessment.reason,
    baseline: p.baseline,
    target: p.target,
    latest: latest ? { period: latest.period, value: latest.value } : null,
    change: changeFromBaseline(p.baseline, latest?.value ?? null),
    kgLast12Months: round(lastYear.reduce((s, r) => s + r.kg, 0)),
    kgCo2eLast12Months: round(lastYear.reduce((s, r) => s + r.kg, 0) * deps.reference.factors.kgCo2ePerKg),
  };
}

/** Food-waste editors add a kitchen for a municipal unit or an external organisation, with its baseline period and target. */
export async function createKitchen(ctx: Ctx, input: KitchenInput): Promise<KitchenView> {
  if (!policy.editKitchens(ctx.actor)) throw AppError.forbidden();
  const details: ErrorDetail[] = [];
  const orgRepo = organisationsRepository(ctx.scope);
  if (!input.name.trim()) details.push({ field: 'name', message: 'Navn må fylles ut' });
  if (!(KITCHEN_KINDS as readonly string[]).includes(input.kind)) details.push({ field: 'kind', message: `Ukjent type kjøkken: «${input.kind}»` });
  if (!(ACTIVITY_KINDS as readonly string[]).includes(input.activityKind)) details.push({ field: 'activityKind', message: `Ukjent aktivitetsmål: «${input.activityKind}»` });
  const unitId = input.unitId ?? null;
  const organisationId = input.organisationId ?? null;
  if ((unitId === null) === (organisationId === null)) details.push({ field: 'unitId', message: 'Knytt kjøkkenet til enten en kommunal enhet eller en virksomhet' });
  else if (unitId && !(await orgRepo.unitById(unitId))) details.push({ field: 'unitId', message: 'Enheten finnes ikke' });
  else if (organisationId && !(await orgRepo.organisationById(organisationId))) details.push({ field: 'organisationId', message: 'Virksomheten finnes ikke' });
  const from = input.baselineFrom ?? null;
  const to = input.baselineTo ?? null;
  if ((from === null) !== (to === null)) details.push({ field: 'baselineTo', message: 'Utgangsperioden trenger både start og slutt' });
  else if (from && to && (!isIsoDate(from) || !isIsoDate(to) || from > to)) details.push({ field: 'baselineTo', message: 'Utgangsperioden må ha gyldige datoer, og start før slutt' });
  const reduction = input.targetReduction ?? DEFAULT_TARGET.reduction;
  if (!(reduction > 0 && reduction < 1)) details.push({ field: 'targetReduction', message: 'Målet må være en reduksjon mellom 0 og 100 %' });
  const targetDate = input.targetDate ?? DEFAULT_TARGET.date;
  if (!isIsoDate(targetDate) || (to !== null && targetDate <= to)) details.push({ field: 'targetDate', message: 'Måldatoen må være en gyldig dato etter utgangsperioden' });
  const place = checkPosition(input.lat, input.lon);
  details.push(...place.issues);
  if (details.length) throw AppError.validation('Kjøkkenet kunne ikke lagres', details);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), name: input.name.trim(), kind: input.kind, unit_id: unitId, organisation_id: organisationId, activity_kind: input.activityKind, baseline_from: from, baseline_to: to, target_reduction: reduction, target_date: targetDate, lat: place.position?.lat ?? null, lon: place.position?.lon ?? null, created_at: at, updated_at: at };
    await foodwasteRepository(scope).insertKitchen(row);
    const view = presentKitchen({ ...row, municipality_id: scope.municipalityId });
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'fw_kitchen', entityId: row.id, summary: `Kjøkken ${row.name} opprettet`, after: view });
    return view;
  });
}

/** One kitchen's dashboard: quarterly trend against the path to the target, status, totals of the last 12 months, recent registrations. */
export async function kitchenDashboard(ctx: Ctx, deps: FoodwasteDeps, id: string, asOf?: string) {
  const repo = foodwasteRepository(ctx.scope);
  const k = await repo.kitchenById(id);
  if (!k) throw AppError.notFound('Kjøkkenet');
  if (!policy.actForKitchen(ctx.actor, k) && !policy.readOverview(ctx.actor)) throw AppError.forbidden();
  const date = asOf ?? osloToday(ctx);
  const [rows, act] = await Promise.all([repo.registrations([k.id]), repo.activity([k.id])]);
  const w = rows.map(wasteOf);
  const a: ActivityRecord[] = act.map((r) => ({ kitchenId: r.kitchen_id, date: r.date, amount: Number(r.amount) }));
  const p = kitchenProgress(planOf(k), w, a, date);
  const lastYear = w.filter((r) => r.date > minusYear(date) && r.date <= date);
  const t = totals(lastYear, deps.reference.factors);
  return {
    kitchen: presentKitchen(k),
    asOf: date,
    canRegister: policy.actForKitchen(ctx.actor, k),
    status: p.assessment.status,
    reason: p.assessment.reason,
    baseline: p.baseline,
    target: p.target,
    expected: p.assessment.expected,
    series: p.series.map((s) => ({ period: s.period, date: s.date, value: round(s.value, 2), kg: round(s.kg, 2), activity: s.activity, partial: s.partial })),
    last12Months: { ...t, kg: round(t.kg, 2), kgCo2e: round(t.kgCo2e, 1) },
    recent: rows.slice(-20).reverse().map(presentRegistration),
    recentActivity: act.slice(-14).reverse().map((r) => ({ date: r.date, amount: Number(r.amount) })),
  };
}

// ---------- registrations ----------

export interface RegistrationBody extends RegistrationInput {
  kitchenId: string;
  note?: string | null;
  /** Made by the phone for its offline queue: the same id sent twice is stored once. */
  clientId?: string | null;
}

/** Registers weighed waste for a kitchen the caller acts for; a repeated clientId returns the stored registration. */
export async function createRegistration(ctx: Ctx, deps: FoodwasteDeps, input: RegistrationBody): Promise<RegistrationView & { duplicate: boolean }> {
  const k = await kitchenForWrite(ctx, input.kitchenId);
  const repo = foodwasteRepository(ctx.scope);
  if (input.clientId) {
    const seen = await repo.registrationByClientId(input.clientId);
    if (seen) {
      if (seen.kitchen_id !== k.id) throw new AppError('conflict', 'Registreringen er allerede sendt for et annet kjøkken');
      return { ...presentRegistration(seen), duplicate: true };
    }
  }
  const issues = validateRegistration(input, (await listsFor(ctx, deps)).lists, osloToday(ctx), deps.reference.rules);
  if (issues.length) throw AppError.validation('Registreringen kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const row = {
      id: newId(),
      kitchen_id: k.id,
      date: input.date,
      stage: input.stage,
      category: input.category,
      reason: input.reason,
      destination: input.destination,
      kg: input.kg,
      note: input.note?.trim() || null,
      client_id: input.clientId ?? null,
      entered_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      entered_by_label: actorLabel(ctx.actor),
      import_file: null,
      import_line: null,
      created_at: nowIso(ctx),
    };
    await foodwasteRepository(scope).insertRegistrations([row]);
    const view = presentRegistration({ ...row, municipality_id: scope.municipalityId });
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'fw_registration', entityId: row.id, summary: `${String(row.kg).replace('.', ',')} kg matsvinn registrert for ${k.name}`, after: view });
    return { ...view, duplicate: false };
  });
}

/** Registrations of the kitchens the caller may see, optionally of one kitchen and a date range (newest last). */
export async function listRegistrations(ctx: Ctx, q: { kitchenId?: string; from?: string; to?: string }) {
  if (!policy.signedIn(ctx.actor)) throw AppError.forbidden();
  let ids = (await visibleKitchens(ctx)).map((k) => k.id);
  if (q.kitchenId) ids = ids.filter((id) => id === q.kitchenId);
  const rows = await foodwasteRepository(ctx.scope).registrations(ids, q.from, q.to);
  return rows.slice(-1000).map(presentRegistration);
}

/** Registrations of the kitchens the caller may see as a CSV or XLSX file in the import's columns (all of them, not only the newest 1000). */
export async function exportRegistrations(ctx: Ctx, q: { kitchenId?: string; from?: string; to?: string; format?: 'csv' | 'xlsx' }) {
  if (!policy.signedIn(ctx.actor)) throw AppError.forbidden();
  const kitchens = await visibleKitchens(ctx);
  const ids = kitchens.map((k) => k.id).filter((id) => !q.kitchenId || id === q.kitchenId);
  const repo = foodwasteRepository(ctx.scope);
  const rows = (await repo.registrations(ids, q.from, q.to)).map(presentRegistration);
  const items = (await repo.listItems()).map(itemOf);
  const names = new Map(kitchens.map((k) => [k.id, k.name]));
  return registrationsFile(rows, (id) => names.get(id) ?? id, (key) => listLabelNb(key, items), q.format ?? 'csv', osloToday(ctx));
}

/** Records a kitchen's activity (portions, guest nights…) for a day; a second value for the same day replaces the first. */
export async function recordActivity(ctx: Ctx, input: { kitchenId: string; date: string; amount: number }) {
  const k = await kitchenForWrite(ctx, input.kitchenId);
  const details: ErrorDetail[] = [];
  if (!isIsoDate(input.date)) details.push({ field: 'date', message: 'Ugyldig dato' });
  else if (input.date > osloToday(ctx)) details.push({ field: 'date', message: `Datoen ${input.date} er fram i tid` });
  if (!Number.isFinite(input.amount) || input.amount <= 0) details.push({ field: 'amount', message: 'Antallet må være større enn 0' });
  else if (input.amount > 10_000_000) details.push({ field: 'amount', message: 'Antallet er urimelig stort' });
  if (details.length) throw AppError.validation('Aktiviteten kunne ikke lagres', details);
  return ctx.scope.transaction(async (scope) => {
    const repo = foodwasteRepository(scope);
    const at = nowIso(ctx);
    const label = actorLabel(ctx.actor);
    const old = await repo.activityOn(k.id, input.date);
    const tctx = { ...ctx, scope };
    if (old) {
      await repo.updateActivity(old.id, input.amount, label, at);
      await recordAudit(tctx, { action: 'update', entityType: 'fw_activity', entityId: old.id, before: { date: old.date, amount: Number(old.amount) }, after: { date: input.date, amount: input.amount } });
      return { id: old.id, kitchenId: k.id, date: input.date, amount: input.amount };
    }
    const row = { id: newId(), kitchen_id: k.id, date: input.date, amount: input.amount, entered_by_label: label, created_at: at, updated_at: at };
    await repo.insertActivity([row]);
    await recordAudit(tctx, { action: 'create', entityType: 'fw_activity', entityId: row.id, before: null, after: { kitchenId: k.id, date: input.date, amount: input.amount } });
    return { id: row.id, kitchenId: k.id, date: input.date, amount: input.amount };
  });
}

// ---------- import ----------

const COLUMNS = ['kjøkken', 'dato', 'ledd', 'kategori', 'årsak', 'mottak', 'kg'] as const;
const ALIASES: Record<string, string> = { kjokken: 'kjøkken', kitchen: 'kjøkken', date: 'dato', stage: 'ledd', category: 'kategori', arsak: 'årsak', reason: 'årsak', destination: 'mottak', 'vekt_kg': 'kg', vekt: 'kg', merknad: 'merknad', note: 'merknad' };

/** A list entry from its key or its Norwegian label (case-insensitive). */
function listKey(value: string, list: readonly string[], items: readonly ListItem[]): string {
  const v = value.trim().toLowerCase();
  return list.find((k) => k === v || listLabelNb(k, items).toLowerCase() === v) ?? v;
}

/**
 * Imports registrations from CSV/XLSX (kjøkken;dato;ledd;kategori;årsak;mottak;kg[;merknad]), e.g.
 * a scale's export. All or nothing: any bad line fails the file and every bad line is listed.
 * Each line is keyed by the file's content and its line number, so the same file twice changes nothing.
 */
export async function importRegistrations(ctx: Ctx, deps: FoodwasteDeps, fileName: string, data: Buffer) {
  if (!policy.importRegistrations(ctx.actor)) throw AppError.forbidden();
  const sheet = await readSpreadsheet(fileName, data);
  const header = sheet.header.map((h) => ALIASES[h] ?? h);
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new AppError('import_failed', `${fileName}: mangler kolonne ${missing.join(', ')}`, missing.map((m) => ({ file: fileName, line: 1, field: m, message: `Kolonnen «${m}» mangler i første linje` })));
  const repo = foodwasteRepository(ctx.scope);
  const kitchens = await repo.kitchens(null);
  const { lists, items } = await listsFor(ctx, deps);
  const byName = new Map(kitchens.flatMap((k) => [[k.name.toLowerCase(), k] as const, [k.id, k] as const]));
  const fileHash = sha256(data).slice(0, 16);
  const today = osloToday(ctx);
  const details: ErrorDetail[] = [];
  const rows: Parameters<ReturnType<typeof foodwasteRepository>['insertRegistrations']>[0] = [];
  const at = nowIso(ctx);
  for (const r of sheet.rows) {
    const cell = (c: string) => {
      const i = sheet.header.findIndex((h) => (ALIASES[h] ?? h) === c);
      return i < 0 ? '' : (r.cells[sheet.header[i]!] ?? '').trim();
    };
    const k = byName.get(cell('kjøkken').toLowerCase());
    if (!k) details.push({ file: fileName, line: r.line, field: 'kjøkken', message: `Ukjent kjøkken «${cell('kjøkken')}»` });
    const kg = parseKg(cell('kg'));
    const dateText = cell('dato');
    const date = /^\d{2}\.\d{2}\.\d{4}$/.test(dateText) ? `${dateText.slice(6)}-${dateText.slice(3, 5)}-${dateText.slice(0, 2)}` : dateText;
    const input: RegistrationInput = { date, stage: listKey(cell('ledd'), lists.stages, items), category: listKey(cell('kategori'), lists.categories, items), reason: listKey(cell('årsak'), lists.reasons, items), destination: listKey(cell('mottak'), lists.destinations, items), kg: kg ?? Number.NaN };
    const names: Record<string, string> = { date: 'dato', stage: 'ledd', category: 'kategori', reason: 'årsak', destination: 'mottak', kg: 'kg' };
    for (const i of validateRegistration(input, lists, today, deps.reference.rules)) details.push({ file: fileName, line: r.line, field: names[i.field] ?? i.field, message: i.field === 'kg' && kg === null ? `«${cell('kg')}» er ikke et tall` : i.message });
    if (k) {
      rows.push({ id: newId(), kitchen_id: k.id, ...input, note: cell('merknad') || null, client_id: `import:${fileHash}:${r.line}`, entered_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, entered_by_label: actorLabel(ctx.actor), import_file: fileName, import_line: r.line, created_at: at });
    }
  }
  if (details.length) {
    const lines = new Set(details.map((d) => d.line)).size;
    throw new AppError('import_failed', `${fileName}: ${lines} ${lines === 1 ? 'linje har' : 'linjer har'} feil; ingenting er importert`, details);
  }
  return ctx.scope.transaction(async (scope) => {
    const trepo = foodwasteRepository(scope);
    const fresh = [];
    for (const row of rows) if (!(await trepo.registrationByClientId(row.client_id!))) fresh.push(row);
    await trepo.insertRegistrations(fresh);
    if (fresh.length) await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'fw_registration', entityId: fileName, summary: `${fresh.length} registreringer importert fra ${fileName}`, after: { file: fileName, created: fresh.length } });
    return { file: fileName, rows: rows.length, created: fresh.length, unchanged: rows.length - fresh.length };
  });
}

// ---------- overview ----------

/** The municipality's picture: totals of the last 12 months by stage, category, reason, weekday; CO2e and money; kg per resident; worst and most improved kitchens; redistribution. */
export async function overview(ctx: Ctx, deps: FoodwasteDeps, asOf?: string) {
  if (!policy.readOverview(ctx.actor)) throw AppError.forbidden();
  const date = asOf ?? osloToday(ctx);
  const repo = foodwasteRepository(ctx.scope);
  const kitchens = await repo.kitchens(null);
  const [rows, act, offers, population] = await Promise.all([repo.registrations(null), repo.activity(null), repo.offers(), repo.population(date)]);
  const from = minusYear(date);
  const lastYear = rows.filter((r) => r.date > from && r.date <= date).map(wasteOf);
  const own = new Set(kitchens.filter((k) => k.unit_id).map((k) => k.id));
  const t = totals(lastYear, deps.reference.factors);
  const perKitchen = kitchens.map((k) => ({ ...presentKitchen(k), ...summaryOf(k, rows, act, date, deps) }));
  const ranked = perKitchen.filter((k) => k.change !== null).sort((a, b) => b.change! - a.change!);
  const redistributed = offers.filter((o) => o.status === 'collected' && (o.closed_at ?? '').slice(0, 10) > from && (o.closed_at ?? '').slice(0, 10) <= date);
  const kgRedistributed = redistributed.reduce((s, o) => s + Number(o.kg), 0);
  return {
    asOf: date,
    from: addDay(from),
    kitchens: perKitchen,
    totals: { ...t, kg: round(t.kg, 1), kgCo2e: round(t.kgCo2e, 1) },
    ownKitchensKg: round(lastYear.filter((w) => own.has(w.kitchenId)).reduce((s, w) => s + w.kg, 0), 1),
    externalKitchensKg: round(lastYear.filter((w) => !own.has(w.kitchenId)).reduce((s, w) => s + w.kg, 0), 1),
    externalReporting: new Set(lastYear.filter((w) => !own.has(w.kitchenId)).map((w) => kitchens.find((k) => k.id === w.kitchenId)?.organisation_id)).size,
    population,
    kgPerResidentPerYear: (() => {
      const v = kgPerResidentPerYear(t.kg, population);
      return v === null ? null : round(v, 3);
    })(),
    worst: ranked.slice(0, 3).map((k) => ({ id: k.id, name: k.name, change: k.change })),
    mostImproved: [...ranked].reverse().slice(0, 3).map((k) => ({ id: k.id, name: k.name, change: k.change })),
    redistribution: { offers: redistributed.length, kg: round(kgRedistributed, 1), meals: mealsFrom(kgRedistributed, deps.reference.factors.mealsPerKg), kgCo2eAvoided: round(kgRedistributed * deps.reference.factors.kgCo2ePerKg, 1) },
    factors: deps.reference.factors,
  };
}

// ---------- surplus offers ----------

export interface OfferBody {
  kitchenId: string;
  title: string;
  kg: number;
  bestBefore: string;
  pickupFrom: string;
  pickupTo: string;
  place: string;
  coldChain?: boolean;
  /** Where to pick it up, when not at the kitchen's own place. */
  lat?: number | null;
  lon?: number | null;
}

function presentOffer(o: OfferRow, now: string, names: Map<string, string>, kitchens: Map<string, KitchenRow>) {
  const state = effectiveOfferState(o.status as OfferState, o.expires_at, now);
  const k = kitchens.get(o.kitchen_id);
  return {
    id: o.id,
    kitchenId: o.kitchen_id,
    donor: k?.name ?? '',
    title: o.title,
    kg: Number(o.kg),
    bestBefore: o.best_before,
    pickupFrom: o.pickup_from,
    pickupTo: o.pickup_to,
    expiresAt: o.expires_at,
    place: o.place,
    lat: o.lat === null ? null : Number(o.lat),
    lon: o.lon === null ? null : Number(o.lon),
    coldChain: o.cold_chain === 1,
    status: state,
    receiverOrganisationId: o.receiver_organisation_id,
    receiver: o.receiver_organisation_id ? (names.get(o.receiver_organisation_id) ?? null) : null,
    claimedAt: o.claimed_at,
    closedAt: o.closed_at,
    createdBy: o.created_by_label,
    createdAt: o.created_at,
  };
}
export type OfferView = ReturnType<typeof presentOffer>;

async function offerContext(ctx: Ctx) {
  const orgs = await foodwasteRepository(ctx.scope).organisations();
  const kitchens = await foodwasteRepository(ctx.scope).kitchens(null);
  return { names: new Map(orgs.map((o) => [o.id, o.name])), kinds: new Map(orgs.map((o) => [o.id, o.kind])), kitchens: new Map(kitchens.map((k) => [k.id, k])) };
}

/** The position and radius of an offers query ("59.83,10.43"), or null without one; bad values are refused with what is wrong. */
function nearFrom(query: { near?: string; withinKm?: number }): { position: Position; withinKm?: number } | null {
  if (query.near === undefined || query.near.trim() === '') {
    if (query.withinKm !== undefined) throw AppError.validation('Avstand krever en posisjon', [{ field: 'near', message: 'Oppgi posisjonen avstanden regnes fra («breddegrad,lengdegrad»)' }]);
    return null;
  }
  const parts = query.near.split(',').map((p) => p.trim());
  const [lat, lon] = parts.map((p) => (/^-?\d+(\.\d+)?$/.test(p) ? Number(p) : Number.NaN));
  const checked = checkPosition(lat, lon);
  if (parts.length !== 2 || !checked.position) throw AppError.validation('Ugyldig posisjon', [{ field: 'near', message: `«${query.near}» er ikke en posisjon; skriv «breddegrad,lengdegrad», f.eks. «59.83,10.43»` }]);
  if (query.withinKm !== undefined && !(query.withinKm > 0 && query.withinKm <= 1000)) throw AppError.validation('Ugyldig avstand', [{ field: 'withinKm', message: 'Avstanden må være mellom 0 og 1000 km' }]);
  return { position: checked.position, ...(query.withinKm !== undefined ? { withinKm: query.withinKm } : {}) };
}

/**
 * Offers the caller may see: staff and receivers see every open offer; a donor sees their own
 * kitchens' offers; a receiver also sees the offers it claimed. Given a position (`near`, e.g. the
 * receiver's phone), the nearest come first with their distance, and `withinKm` leaves out those
 * farther away; offers without a place come last.
 */
export async function listOffers(ctx: Ctx, query: { near?: string; withinKm?: number } = {}) {
  if (!policy.signedIn(ctx.actor)) throw AppError.forbidden();
  const near = nearFrom(query);
  const now = nowIso(ctx);
  const { names, kinds, kitchens } = await offerContext(ctx);
  const rows = await foodwasteRepository(ctx.scope).offers();
  const a = ctx.actor;
  const staff = policy.readOverview(a);
  const org = a.kind === 'user' && a.role === 'business' ? a.organisationId : null;
  const isReceiver = org !== null && RECEIVER_KINDS.includes(kinds.get(org) ?? '');
  const own = (o: OfferRow) => {
    const k = kitchens.get(o.kitchen_id);
    return !!k && policy.actForKitchen(a, k);
  };
  const visible = rows.filter((o) => staff || own(o) || (org !== null && o.receiver_organisation_id === org) || (isReceiver && effectiveOfferState(o.status as OfferState, o.expires_at, now) === 'open'));
  return {
    isReceiver,
    receiverOrganisationId: isReceiver ? org : null,
    receivers: [...kinds].filter(([, kind]) => RECEIVER_KINDS.includes(kind)).map(([id]) => ({ id, name: names.get(id)! })).sort((x, y) => x.name.localeCompare(y.name, 'nb')),
    items: (near ? byDistance(visible, (o) => (o.lat === null || o.lon === null ? null : { lat: Number(o.lat), lon: Number(o.lon) }), near.position, near.withinKm) : visible.map((item) => ({ item, distanceKm: null }))).map(({ item: o, distanceKm }) => ({ ...presentOffer(o, now, names, kitchens), mine: own(o), distanceKm })),
  };
}

/** A donor (a kitchen's manager or business user, or an editor) posts surplus food; it expires at the end of the pickup window. */
export async function createOffer(ctx: Ctx, deps: FoodwasteDeps, input: OfferBody) {
  const k = await kitchenForWrite(ctx, input.kitchenId);
  const now = nowIso(ctx);
  const place = checkPosition(input.lat, input.lon);
  const issues = [...validateOffer({ ...input, coldChain: input.coldChain ?? false }, now, deps.reference.rules.maxKgPerOffer), ...place.issues];
  const position = place.position ?? (k.lat === null || k.lon === null ? null : { lat: Number(k.lat), lon: Number(k.lon) });
  if (issues.length) throw AppError.validation('Tilbudet kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const row = {
      id: newId(),
      kitchen_id: k.id,
      title: input.title.trim(),
      kg: input.kg,
      best_before: input.bestBefore,
      pickup_from: new Date(input.pickupFrom).toISOString(),
      pickup_to: new Date(input.pickupTo).toISOString(),
      expires_at: new Date(input.pickupTo).toISOString(),
      place: input.place.trim(),
      cold_chain: input.coldChain ? 1 : 0,
      lat: position?.lat ?? null,
      lon: position?.lon ?? null,
      status: 'open',
      receiver_organisation_id: null,
      claimed_at: null,
      claimed_by_label: null,
      closed_at: null,
      created_by_label: actorLabel(ctx.actor),
      created_at: now,
      updated_at: now,
    };
    await foodwasteRepository(scope).insertOffer(row);
    const { names, kitchens } = await offerContext({ ...ctx, scope });
    const view = presentOffer({ ...row, municipality_id: scope.municipalityId }, now, names, kitchens);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'fw_offer', entityId: row.id, summary: `Overskuddsmat tilbudt: ${row.title} (${row.kg} kg)`, before: null, after: { title: row.title, kg: row.kg, status: 'open' } });
    return view;
  });
}

async function offerFor(ctx: Ctx, id: string): Promise<OfferRow> {
  const o = await foodwasteRepository(ctx.scope).offerById(id);
  if (!o) throw AppError.notFound('Tilbudet');
  return o;
}

/**
 * A receiver claims an offer. The claim is one conditional UPDATE (open and not expired), so of
 * two receivers claiming at once exactly one wins; the other gets a clear 409 and nothing changes.
 */
export async function claimOffer(ctx: Ctx, id: string, body: { receiverOrganisationId?: string | null }) {
  const o = await offerFor(ctx, id);
  const a = ctx.actor;
  const receiver = body.receiverOrganisationId ?? (a.kind === 'user' && a.role === 'business' ? a.organisationId : null);
  const { names, kinds, kitchens } = await offerContext(ctx);
  if (!receiver) {
    if (!policy.isEditor(a)) throw AppError.forbidden('Bare registrerte mottakere kan reservere overskuddsmat');
    throw AppError.validation('Velg mottakeren', [{ field: 'receiverOrganisationId', message: 'Velg hvilken mottaker som reserverer' }]);
  }
  if (!policy.claimFor(a, receiver) || !RECEIVER_KINDS.includes(kinds.get(receiver) ?? '')) {
    if (policy.isEditor(a)) throw AppError.validation('Mottakeren kan ikke motta overskuddsmat', [{ field: 'receiverOrganisationId', message: 'Velg en registrert mottaker (frivillig organisasjon, matsentral eller sosial entreprenør)' }]);
    throw AppError.forbidden('Bare registrerte mottakere kan reservere overskuddsmat');
  }
  const now = nowIso(ctx);
  return ctx.scope.transaction(async (scope) => {
    const repo = foodwasteRepository(scope);
    const won = await repo.claimOffer(o.id, receiver, actorLabel(a), now);
    if (!won) {
      const current = (await repo.offerById(o.id))!;
      throw new AppError('conflict', refusedMessage(effectiveOfferState(current.status as OfferState, current.expires_at, now), 'claim'));
    }
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'fw_offer', entityId: o.id, summary: `Reservert av ${names.get(receiver) ?? receiver}`, before: { status: 'open' }, after: { status: 'claimed', receiverOrganisationId: receiver } });
    return presentOffer((await repo.offerById(o.id))!, now, names, kitchens);
  });
}

/** The donor or the receiver confirms pickup (collected); the donor records a no-show. */
export async function closeOffer(ctx: Ctx, id: string, outcome: 'collected' | 'no_show') {
  const o = await offerFor(ctx, id);
  const { names, kitchens } = await offerContext(ctx);
  const k = kitchens.get(o.kitchen_id)!;
  const donor = policy.actForKitchen(ctx.actor, k);
  const receiver = o.receiver_organisation_id !== null && policy.claimFor(ctx.actor, o.receiver_organisation_id);
  if (!(donor || (outcome === 'collected' && receiver))) throw AppError.forbidden(outcome === 'no_show' ? 'Bare giveren kan registrere at maten ikke ble hentet' : 'Bare giveren og mottakeren kan bekrefte hentingen');
  const now = nowIso(ctx);
  return ctx.scope.transaction(async (scope) => {
    const repo = foodwasteRepository(scope);
    if (!(await repo.closeOffer(o.id, outcome, now))) {
      const current = (await repo.offerById(o.id))!;
      throw new AppError('conflict', refusedMessage(effectiveOfferState(current.status as OfferState, current.expires_at, now), outcome === 'collected' ? 'collect' : 'no_show'));
    }
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'fw_offer', entityId: o.id, summary: outcome === 'collected' ? 'Hentet' : 'Ikke hentet', before: { status: 'claimed' }, after: { status: outcome } });
    return presentOffer((await repo.offerById(o.id))!, now, names, kitchens);
  });
}

/** The job: marks open offers past their expiry as expired (the list shows them expired at once anyway). */
export async function expireOffers(ctx: Ctx): Promise<number> {
  return ctx.scope.transaction(async (scope) => {
    const ids = await foodwasteRepository(scope).expireOffers(nowIso(ctx));
    for (const id of ids) await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'fw_offer', entityId: id, summary: `Utløpt (${OFFER_STATE_NB.expired})`, before: { status: 'open' }, after: { status: 'expired' } });
    return ids.length;
  });
}
