import {
  addImpacts,
  checkPhoto,
  isOpenAt,
  ITEM_CONDITIONS,
  PLACE_CATEGORIES,
  PLACE_KINDS,
  reservationRefused,
  reuseImpact,
  validateItem,
  validateDirectoryPlace,
  validateReservation,
  type ItemState,
  type OpeningHours,
  type ReuseImpact,
} from '@omstilling/core';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { newId, sha256 } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import type { Storage } from '../platform/files/storage.js';
import { circularRepository, type ItemRow, type PlaceRow, type ReservationRow } from './circular.repository.js';
import { circularPolicy as policy } from './circular.policy.js';
import type { CircularReference } from './circular.reference.js';

/** What the circular services need besides the context. */
export interface CircularDeps {
  reference: CircularReference;
  storage: Storage;
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const osloToday = (ctx: Pick<Ctx, 'now'>) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ctx.now());

// ---------- directory ----------

export interface PlaceView {
  id: string;
  name: string;
  kind: string;
  organisationId: string | null;
  organisation: string | null;
  description: string;
  address: string | null;
  postalCode: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  openingHours: OpeningHours;
  openingNote: string | null;
  categories: string[];
  phone: string | null;
  email: string | null;
  website: string | null;
  active: boolean;
  openNow: boolean;
  updatedAt: string;
}

function presentPlace(p: PlaceRow, orgNames: Map<string, string>, at: Date): PlaceView {
  const hours = JSON.parse(p.opening_hours) as OpeningHours;
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    organisationId: p.organisation_id,
    organisation: p.organisation_id ? (orgNames.get(p.organisation_id) ?? null) : null,
    description: p.description,
    address: p.address,
    postalCode: p.postal_code,
    place: p.place,
    lat: p.lat === null ? null : Number(p.lat),
    lon: p.lon === null ? null : Number(p.lon),
    openingHours: hours,
    openingNote: p.opening_note,
    categories: JSON.parse(p.categories) as string[],
    phone: p.phone,
    email: p.email,
    website: p.website,
    active: Number(p.active) === 1,
    openNow: Number(p.active) === 1 && isOpenAt(hours, at),
    updatedAt: p.updated_at,
  };
}

export interface PlaceQuery {
  category?: string;
  kind?: string;
  openNow?: boolean;
  q?: string;
}

/**
 * The public directory: active places, filtered by what they take or fix, kind, a text search and
 * "open now" (the server's clock, Oslo time). Open data, no login.
 */
export async function publicPlaces(ctx: Ctx, query: PlaceQuery) {
  const repo = circularRepository(ctx.scope);
  const names = new Map((await repo.organisations()).map((o) => [o.id, o.name]));
  const at = ctx.now();
  const all = (await repo.places(true)).map((p) => presentPlace(p, names, at));
  const text = query.q?.trim().toLowerCase() ?? '';
  const items = all.filter((p) => (!query.category || p.categories.includes(query.category)) && (!query.kind || p.kind === query.kind) && (!query.openNow || p.openNow) && (!text || `${p.name} ${p.description} ${p.place ?? ''} ${p.address ?? ''}`.toLowerCase().includes(text)));
  return { items, total: all.length, at: at.toISOString(), categories: [...PLACE_CATEGORIES], kinds: [...PLACE_KINDS] };
}

/** The support schemes (circular grant rounds) as residents and businesses see them: no applications. */
export async function publicSchemes(ctx: Ctx) {
  const now = nowIso(ctx);
  return (await circularRepository(ctx.scope).schemes()).map((c) => ({ id: c.id, title: c.title, description: c.description, opensAt: c.opens_at, deadline: c.deadline, budgetNok: Number(c.budget_ore) / 100, state: now < c.opens_at ? 'upcoming' : now < c.deadline ? 'open' : 'closed' }));
}

/** Entries the caller may maintain: every entry for circular editors, their organisation's for a business user. */
export async function editablePlaces(ctx: Ctx) {
  const a = ctx.actor;
  if (a.kind === 'anonymous') throw AppError.forbidden();
  const repo = circularRepository(ctx.scope);
  const names = new Map((await repo.organisations()).map((o) => [o.id, o.name]));
  const at = ctx.now();
  const rows = (await repo.places(false)).filter((p) => policy.editPlace(a, p.organisation_id));
  if (!rows.length && !policy.editDirectory(a) && !(a.kind === 'user' && a.role === 'business')) throw AppError.forbidden();
  return { items: rows.map((p) => presentPlace(p, names, at)), canAdd: policy.editDirectory(a) || (a.kind === 'user' && a.role === 'business' && a.organisationId !== null), ownOrganisationId: a.kind === 'user' ? a.organisationId : null };
}

export interface PlaceBody {
  name: string;
  kind: string;
  organisationId?: string | null;
  description?: string;
  address?: string | null;
  postalCode?: string | null;
  place?: string | null;
  lat?: number | null;
  lon?: number | null;
  openingHours?: OpeningHours;
  openingNote?: string | null;
  categories: string[];
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  active?: boolean;
}

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/** The columns of a directory entry from its input (also used by the demo step). */
export function placeRow(input: PlaceBody) {
  return {
    name: input.name.trim(),
    kind: input.kind,
    organisation_id: input.organisationId ?? null,
    description: input.description?.trim() ?? '',
    address: blank(input.address),
    postal_code: blank(input.postalCode),
    place: blank(input.place),
    lat: input.lat ?? null,
    lon: input.lon ?? null,
    opening_hours: JSON.stringify(input.openingHours ?? {}),
    opening_note: blank(input.openingNote),
    categories: JSON.stringify([...new Set(input.categories)]),
    phone: blank(input.phone),
    email: blank(input.email),
    website: blank(input.website),
    active: input.active === false ? 0 : 1,
  };
}

async function checkPlace(ctx: Ctx, input: PlaceBody) {
  const issues = validateDirectoryPlace({ ...input, website: blank(input.website), email: blank(input.email), phone: blank(input.phone) });
  if (input.organisationId && !(await ctx.scope.selectFrom('organisation').select('id').where('id', '=', input.organisationId).executeTakeFirst())) issues.push({ field: 'organisationId', message: 'Virksomheten finnes ikke i virksomhetsregisteret' });
  if (issues.length) throw AppError.validation('Oppføringen kunne ikke lagres', issues);
}

/** Adds a directory entry: circular editors, or a business user for their own organisation. */
export async function createPlace(ctx: Ctx, input: PlaceBody): Promise<PlaceView> {
  const a = ctx.actor;
  if (!policy.editDirectory(a) && !(input.organisationId && policy.editPlace(a, input.organisationId))) throw AppError.forbidden('Du kan bare legge inn steder for din egen virksomhet');
  await checkPlace(ctx, input);
  const at = nowIso(ctx);
  return ctx.scope.transaction(async (scope) => {
    const row = { id: newId(), ...placeRow(input), updated_by_label: actorLabel(a), created_at: at, updated_at: at };
    const repo = circularRepository(scope);
    await repo.insertPlace(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'circ_place', entityId: row.id, summary: `Sted «${row.name}» lagt inn i katalogen`, before: null, after: { name: row.name, kind: row.kind, categories: input.categories } });
    const names = new Map((await repo.organisations()).map((o) => [o.id, o.name]));
    return presentPlace({ ...row, municipality_id: scope.municipalityId }, names, ctx.now());
  });
}

/** Updates an entry: circular editors, or the business users of the organisation it is linked to (never moving it to another). */
export async function updatePlace(ctx: Ctx, id: string, input: PlaceBody): Promise<PlaceView> {
  const a = ctx.actor;
  const repo = circularRepository(ctx.scope);
  const before = await repo.placeById(id);
  if (!before) throw AppError.notFound('Stedet');
  if (!policy.editPlace(a, before.organisation_id)) throw AppError.forbidden('Du kan bare endre oppføringer for din egen virksomhet');
  const organisationId = input.organisationId === undefined ? before.organisation_id : input.organisationId;
  if (!policy.editDirectory(a) && organisationId !== before.organisation_id) throw AppError.forbidden('Bare kommunen kan flytte en oppføring til en annen virksomhet');
  const next = { ...input, organisationId };
  await checkPlace(ctx, next);
  const at = nowIso(ctx);
  return ctx.scope.transaction(async (scope) => {
    const set = { ...placeRow(next), updated_by_label: actorLabel(a), updated_at: at };
    const r = circularRepository(scope);
    await r.updatePlace(id, set);
    const changed = (Object.keys(set) as (keyof typeof set)[]).filter((k) => k !== 'updated_at' && k !== 'updated_by_label' && String(set[k]) !== String(before[k]));
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'circ_place', entityId: id, summary: `Sted «${set.name}» endret`, before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, set[k]])) });
    const names = new Map((await r.organisations()).map((o) => [o.id, o.name]));
    return presentPlace((await r.placeById(id))!, names, ctx.now());
  });
}

// ---------- marketplace ----------

function factorOf(deps: CircularDeps, category: string) {
  const f = deps.reference.byCategory.get(category) ?? deps.reference.byCategory.get('other');
  if (!f) throw new Error(`no reuse factor for ${category}`);
  return f;
}

/** Categories with their factors and sources, conditions, and the units the caller may act for. */
export async function marketOptions(ctx: Ctx, deps: CircularDeps) {
  if (!policy.readMarket(ctx.actor)) throw AppError.forbidden();
  const a = ctx.actor;
  const units = await circularRepository(ctx.scope).units();
  const mine = policy.isEditor(a) ? units : units.filter((u) => policy.actForUnit(a, u.id));
  // A unit manager's own unit first (before the units below it).
  const own = a.kind === 'user' ? a.unitId : null;
  mine.sort((x, y) => Number(y.id === own) - Number(x.id === own));
  return {
    categories: deps.reference.factors.map((f) => ({ key: f.category, nb: f.nameNb, en: f.nameEn, kgPerItem: f.kgPerItem, newPriceNok: f.newPriceNok, co2ePerItemKg: f.co2ePerItemKg, co2eMethod: f.co2eMethod, co2eValue: f.co2eValue, co2eSource: f.co2eSource, weightPriceSource: f.weightPriceSource, year: f.year })),
    factorsFile: deps.reference.file,
    conditions: [...ITEM_CONDITIONS],
    myUnits: mine.map((u) => ({ id: u.id, name: u.name })),
    isEditor: policy.isEditor(a),
    maxPhotoBytes: 3 * 1024 * 1024,
  };
}

function impactOf(deps: CircularDeps, item: Pick<ItemRow, 'category' | 'quantity' | 'cost_ore'>, quantity: number): ReuseImpact {
  // The repair and transport cost is shared by the items of a batch in proportion.
  const cost = Number(item.quantity) > 0 ? (Number(item.cost_ore) / 100) * (quantity / Number(item.quantity)) : 0;
  return reuseImpact(factorOf(deps, item.category), quantity, cost);
}

function presentReservation(r: ReservationRow, unitNames: Map<string, string>) {
  return { id: r.id, itemId: r.item_id, unitId: r.unit_id, unit: unitNames.get(r.unit_id) ?? '', quantity: Number(r.quantity), state: r.state, reservedBy: r.reserved_by_label, reservedAt: r.reserved_at, closedAt: r.closed_at };
}

function presentItem(ctx: Ctx, deps: CircularDeps, i: ItemRow, reservations: ReservationRow[], unitNames: Map<string, string>) {
  const a = ctx.actor;
  const mine = policy.actForUnit(a, i.unit_id);
  const rs = reservations.filter((r) => r.item_id === i.id);
  return {
    id: i.id,
    unitId: i.unit_id,
    unit: unitNames.get(i.unit_id) ?? '',
    title: i.title,
    description: i.description,
    category: i.category,
    condition: i.condition,
    quantity: Number(i.quantity),
    quantityLeft: Number(i.quantity_left),
    location: i.location,
    availableFrom: i.available_from,
    costNok: Number(i.cost_ore) / 100,
    hasPhoto: i.photo_file_id !== null,
    state: i.state as ItemState,
    createdBy: i.created_by_label,
    createdAt: i.created_at,
    mine,
    impactPerItem: impactOf(deps, { ...i, cost_ore: 0 }, 1),
    reservations: rs.map((r) => ({ ...presentReservation(r, unitNames), mayCollect: r.state === 'reserved' && (mine || policy.actForUnit(a, r.unit_id)), mayCancel: r.state === 'reserved' && (mine || policy.actForUnit(a, r.unit_id)) })),
  };
}

export interface ItemQuery {
  state?: string;
  category?: string;
  unitId?: string;
  limit?: number;
  offset?: number;
}

/** Surplus items, newest first, a page at a time (staff). */
export async function listItems(ctx: Ctx, deps: CircularDeps, q: ItemQuery) {
  if (!policy.readMarket(ctx.actor)) throw AppError.forbidden();
  const repo = circularRepository(ctx.scope);
  const limit = Math.min(Math.max(q.limit ?? 20, 1), 200);
  const offset = Math.max(q.offset ?? 0, 0);
  const { rows, total } = await repo.items({ state: q.state, category: q.category, unitId: q.unitId, limit, offset });
  const reservations = await repo.reservations(rows.map((r) => r.id));
  const unitNames = new Map((await repo.units()).map((u) => [u.id, u.name]));
  return { items: rows.map((r) => presentItem(ctx, deps, r, reservations, unitNames)), total, limit, offset };
}

async function itemView(ctx: Ctx, deps: CircularDeps, id: string) {
  const repo = circularRepository(ctx.scope);
  const row = (await repo.itemById(id))!;
  const unitNames = new Map((await repo.units()).map((u) => [u.id, u.name]));
  return presentItem(ctx, deps, row, await repo.reservations([id]), unitNames);
}

export interface ItemBody {
  unitId: string;
  title: string;
  description?: string;
  category: string;
  condition: string;
  quantity: number;
  location: string;
  availableFrom?: string;
  costNok?: number | null;
  photoFileId?: string | null;
}

/** A unit posts surplus furniture or equipment; the photo was uploaded first (POST /api/circular/photos). */
export async function createItem(ctx: Ctx, deps: CircularDeps, input: ItemBody) {
  const a = ctx.actor;
  if (!policy.readMarket(a) || !policy.actForUnit(a, input.unitId)) throw AppError.forbidden('Du kan bare gi bort inventar fra din egen enhet');
  const repo = circularRepository(ctx.scope);
  const issues = validateItem({ ...input, availableFrom: input.availableFrom ?? osloToday(ctx) }, deps.reference.factors.map((f) => f.category));
  if (!(await ctx.scope.selectFrom('org_unit').select('id').where('id', '=', input.unitId).executeTakeFirst())) issues.push({ field: 'unitId', message: 'Enheten finnes ikke' });
  if (input.photoFileId) {
    const f = await repo.fileById(input.photoFileId);
    if (!f || f.domain !== 'circular' || f.owner_unit_id !== input.unitId || !f.content_type.startsWith('image/')) issues.push({ field: 'photoFileId', message: 'Bildet finnes ikke eller hører ikke til enheten' });
  }
  if (issues.length) throw AppError.validation('Gjenstanden kunne ikke legges ut', issues);
  const at = nowIso(ctx);
  return ctx.scope.transaction(async (scope) => {
    const row = { id: newId(), unit_id: input.unitId, title: input.title.trim(), description: input.description?.trim() ?? '', category: input.category, condition: input.condition, quantity: input.quantity, quantity_left: input.quantity, location: input.location.trim(), available_from: input.availableFrom ?? osloToday(ctx), cost_ore: Math.round((input.costNok ?? 0) * 100), photo_file_id: input.photoFileId ?? null, state: 'available', created_by_label: actorLabel(a), created_at: at, updated_at: at };
    await circularRepository(scope).insertItem(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'circ_item', entityId: row.id, summary: `Lagt ut til ombruk: ${row.title} (${row.quantity} stk.)`, before: null, after: { title: row.title, category: row.category, quantity: row.quantity, state: 'available' } });
    return itemView({ ...ctx, scope }, deps, row.id);
  });
}

/**
 * Stores a photo of a surplus item for a unit. The browser resizes photos before upload; here the
 * file must be a real JPEG, PNG or WebP by its first bytes and header (core `checkPhoto`), within
 * the size limits. Stored like every upload (platform storage, stored_file, audit).
 */
export async function uploadPhoto(ctx: Ctx, deps: CircularDeps, input: { unitId: string | null; filename: string; data: Buffer }) {
  const a = ctx.actor;
  if (!input.unitId) throw AppError.validation('Velg enheten bildet hører til', [{ field: 'unitId', message: 'Enheten mangler' }]);
  if (!policy.readMarket(a) || !policy.actForUnit(a, input.unitId)) throw AppError.forbidden('Du kan bare laste opp bilder for din egen enhet');
  const { info, issues } = checkPhoto(input.data);
  if (!info) throw new AppError('unsupported_media_type', issues[0]!.message, issues);
  if (issues.length) throw new AppError('payload_too_large', issues[0]!.message, issues);
  if (!(await ctx.scope.selectFrom('org_unit').select('id').where('id', '=', input.unitId).executeTakeFirst())) throw AppError.validation('Ukjent enhet', [{ field: 'unitId', message: 'Enheten finnes ikke' }]);
  const key = await deps.storage.put(input.data);
  const row = { id: newId(), storage_key: key, filename: input.filename.replace(/[/\\]/g, '_').slice(0, 200) || 'bilde', content_type: info.type, size: input.data.length, sha256: sha256(input.data), domain: 'circular', owner_unit_id: input.unitId, owner_organisation_id: null, uploaded_by: a.kind === 'user' ? a.userId : null, created_at: nowIso(ctx) };
  try {
    await ctx.scope.transaction(async (scope) => {
      await scope.insertInto('stored_file', row).execute();
      await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'file', entityId: row.id, summary: `Bilde «${row.filename}» lastet opp (${info.width} × ${info.height})`, after: { filename: row.filename, size: row.size, sha256: row.sha256, width: info.width, height: info.height } });
    });
  } catch (e) {
    await deps.storage.delete(key); // nothing half-written
    throw e;
  }
  return { id: row.id, filename: row.filename, contentType: info.type, size: row.size, width: info.width, height: info.height };
}

/** An item's photo for every staff member who sees the marketplace (the platform's file route is owner-only). */
export async function itemPhoto(ctx: Ctx, deps: CircularDeps, itemId: string) {
  if (!policy.readMarket(ctx.actor)) throw AppError.forbidden();
  const repo = circularRepository(ctx.scope);
  const item = await repo.itemById(itemId);
  if (!item) throw AppError.notFound('Gjenstanden');
  if (!item.photo_file_id) throw AppError.notFound('Bildet');
  const f = (await repo.fileById(item.photo_file_id))!;
  return { contentType: f.content_type, data: await deps.storage.get(f.storage_key) };
}

/**
 * Another unit reserves some (or all) of an item. The stock is taken in one conditional UPDATE, so
 * of two units reserving the last table at the same moment exactly one wins; the other gets 409.
 */
export async function reserveItem(ctx: Ctx, deps: CircularDeps, itemId: string, body: { unitId: string; quantity?: number }) {
  const a = ctx.actor;
  if (!policy.readMarket(a) || !policy.actForUnit(a, body.unitId)) throw AppError.forbidden('Du kan bare reservere for din egen enhet');
  const repo = circularRepository(ctx.scope);
  const item = await repo.itemById(itemId);
  if (!item) throw AppError.notFound('Gjenstanden');
  if (item.unit_id === body.unitId) throw AppError.validation('Enheten kan ikke reservere sitt eget inventar', [{ field: 'unitId', message: 'Velg en annen enhet enn den som gir bort' }]);
  const quantity = body.quantity ?? 1;
  const left = Number(item.quantity_left);
  if (item.state !== 'available' || left === 0) throw new AppError('conflict', reservationRefused(item.state as ItemState, left));
  const issues = validateReservation(quantity, left);
  if (issues.length) throw AppError.validation('Reservasjonen kunne ikke lagres', issues);
  const at = nowIso(ctx);
  return ctx.scope.transaction(async (scope) => {
    const r = circularRepository(scope);
    if (!(await r.takeFromStock(itemId, quantity, at))) {
      const current = (await r.itemById(itemId))!;
      throw new AppError('conflict', reservationRefused(current.state as ItemState, Number(current.quantity_left)));
    }
    const row = { id: newId(), item_id: itemId, unit_id: body.unitId, quantity, state: 'reserved', reserved_by_label: actorLabel(a), reserved_at: at, closed_at: null };
    await r.insertReservation(row);
    await r.settleState(itemId, at);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'circ_reservation', entityId: row.id, summary: `Reservert: ${quantity} × ${item.title}`, before: null, after: { itemId, unitId: body.unitId, quantity, state: 'reserved' } });
    return itemView({ ...ctx, scope }, deps, itemId);
  });
}

async function reservationFor(ctx: Ctx, id: string) {
  const repo = circularRepository(ctx.scope);
  const res = await repo.reservationById(id);
  if (!res) throw AppError.notFound('Reservasjonen');
  const item = (await repo.itemById(res.item_id))!;
  const a = ctx.actor;
  if (!policy.readMarket(a) || !(policy.actForUnit(a, item.unit_id) || policy.actForUnit(a, res.unit_id))) throw AppError.forbidden('Bare enheten som gir bort og enheten som reserverte kan gjøre dette');
  return { res, item };
}

/** The giving or the receiving unit confirms the pickup: from now on it counts as reused. */
export async function collectReservation(ctx: Ctx, deps: CircularDeps, id: string) {
  const { res, item } = await reservationFor(ctx, id);
  const at = nowIso(ctx);
  return ctx.scope.transaction(async (scope) => {
    const r = circularRepository(scope);
    if (!(await r.closeReservation(id, 'collected', at))) throw new AppError('conflict', res.state === 'collected' ? 'Reservasjonen er allerede hentet' : 'Reservasjonen er avbestilt');
    await r.settleState(item.id, at);
    const impact = impactOf(deps, item, Number(res.quantity));
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'circ_reservation', entityId: id, summary: `Hentet: ${res.quantity} × ${item.title}`, before: { state: 'reserved' }, after: { state: 'collected', kg: round(impact.kg), co2eKg: round(impact.co2eKg), nokSaved: Math.round(impact.nokSaved) } });
    return itemView({ ...ctx, scope }, deps, item.id);
  });
}

/** Either unit cancels an open reservation; the quantity goes back to the item. */
export async function cancelReservation(ctx: Ctx, deps: CircularDeps, id: string) {
  const { res, item } = await reservationFor(ctx, id);
  const at = nowIso(ctx);
  return ctx.scope.transaction(async (scope) => {
    const r = circularRepository(scope);
    if (!(await r.closeReservation(id, 'cancelled', at))) throw new AppError('conflict', res.state === 'collected' ? 'Reservasjonen er allerede hentet' : 'Reservasjonen er allerede avbestilt');
    if (item.state !== 'withdrawn') await r.returnToStock(item.id, Number(res.quantity), at);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'circ_reservation', entityId: id, summary: `Avbestilt: ${res.quantity} × ${item.title}`, before: { state: 'reserved' }, after: { state: 'cancelled' } });
    return itemView({ ...ctx, scope }, deps, item.id);
  });
}

/** The giving unit withdraws an item while it is available; reservations already made stay. */
export async function withdrawItem(ctx: Ctx, deps: CircularDeps, id: string) {
  const repo = circularRepository(ctx.scope);
  const item = await repo.itemById(id);
  if (!item) throw AppError.notFound('Gjenstanden');
  if (!policy.readMarket(ctx.actor) || !policy.actForUnit(ctx.actor, item.unit_id)) throw AppError.forbidden('Bare enheten som gir bort kan trekke gjenstanden tilbake');
  const at = nowIso(ctx);
  return ctx.scope.transaction(async (scope) => {
    const r = circularRepository(scope);
    if (!(await r.withdrawItem(id, at))) throw new AppError('conflict', `Gjenstanden kan ikke trekkes tilbake fordi den er ${item.state === 'reserved' ? 'reservert' : item.state === 'collected' ? 'hentet' : 'trukket tilbake'}`);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'circ_item', entityId: id, summary: `Trukket tilbake: ${item.title}`, before: { state: item.state, quantityLeft: Number(item.quantity_left) }, after: { state: 'withdrawn', quantityLeft: 0 } });
    return itemView({ ...ctx, scope }, deps, id);
  });
}

/** What collected reservations saved, per calendar year (of the pickup), by category and in total. */
export async function reuseFigures(ctx: Ctx, deps: CircularDeps) {
  const rows = await circularRepository(ctx.scope).collected();
  const byYear = new Map<string, ReuseImpact[]>();
  const byCategory = new Map<string, ReuseImpact[]>();
  for (const r of rows) {
    const impact = impactOf(deps, { category: r.category, quantity: r.item_quantity, cost_ore: r.cost_ore }, Number(r.quantity));
    const year = (r.closed_at ?? '').slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), impact]);
    byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), impact]);
  }
  const tidy = (x: ReuseImpact) => ({ items: x.items, kg: round(x.kg), nokSaved: Math.round(x.nokSaved), co2eKg: round(x.co2eKg) });
  return {
    years: [...byYear.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([year, list]) => ({ year, pickups: list.length, ...tidy(addImpacts(list)) })),
    categories: [...byCategory.entries()].map(([category, list]) => ({ category, ...tidy(addImpacts(list)) })).sort((a, b) => b.co2eKg - a.co2eKg),
    total: tidy(addImpacts([...byYear.values()].flat())),
    factorsFile: deps.reference.file,
  };
}

/** Staff overview of the marketplace figures. */
export async function marketFigures(ctx: Ctx, deps: CircularDeps) {
  if (!policy.readMarket(ctx.actor)) throw AppError.forbidden();
  return reuseFigures(ctx, deps);
}
