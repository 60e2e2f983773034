import { apprenticesByYear, canMovePlace, countBy, descendantsOf, firstTimeBusinesses, isActiveOn, isIsoDate, PLACE_STATUS_NB, PLACE_STATUSES, trajectory, unitsWithout, validatePlace, type PlaceFacts, type PlaceStatus } from '@omstilling/core';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { osloToday } from '../foodwaste/foodwaste.service.js';
import { apprenticeshipsRepository, type PlaceFilter, type PlaceRow } from './apprenticeships.repository.js';
import { apprenticeshipsPolicy as policy } from './apprenticeships.policy.js';
import type { ApprenticeshipsReference } from './apprenticeships.reference.js';

/** What the apprenticeship services need besides the context. */
export interface ApprenticeshipsDeps {
  reference: ApprenticeshipsReference;
}

/** The program metric of apprentices in municipal units; its indicator's baseline and target draw the road. */
export const MUNICIPAL_APPRENTICES_METRIC = 'municipal_apprentices';

export const factsOf = (r: PlaceRow): PlaceFacts => ({ id: r.id, unitId: r.unit_id, organisationId: r.organisation_id, tradeKey: r.trade_key, startDate: r.start_date, endDate: r.end_date, status: r.status as PlaceStatus, closedOn: r.closed_on });

async function names(ctx: Ctx) {
  const repo = organisationsRepository(ctx.scope);
  const [units, orgs] = await Promise.all([repo.allUnits(), ctx.scope.selectFrom('organisation').select(['id', 'name']).execute()]);
  return { units: new Map(units.map((u) => [u.id, u])), orgs: new Map(orgs.map((o) => [o.id, o.name])) };
}

function present(r: PlaceRow, n: Awaited<ReturnType<typeof names>>, deps: ApprenticeshipsDeps) {
  const trade = deps.reference.trades.find((t) => t.key === r.trade_key);
  return {
    id: r.id,
    unitId: r.unit_id,
    organisationId: r.organisation_id,
    holder: r.unit_id ? (n.units.get(r.unit_id)?.name ?? '') : (n.orgs.get(r.organisation_id ?? '') ?? ''),
    tradeKey: r.trade_key,
    trade: trade ? { nb: trade.nb, en: trade.en } : { nb: r.trade_key, en: r.trade_key },
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status as PlaceStatus,
    contractRef: r.contract_ref,
    closedOn: r.closed_on,
    note: r.note,
    createdBy: r.created_by_label,
    updatedAt: r.updated_at,
  };
}
export type PlaceView = ReturnType<typeof present>;

/** Trades, programmes and statuses for forms and filters. */
export function options(ctx: Ctx, deps: ApprenticeshipsDeps) {
  if (!policy.signedIn(ctx.actor)) throw AppError.forbidden();
  return { trades: deps.reference.trades, programmes: deps.reference.programmes, statuses: [...PLACE_STATUSES], today: osloToday(ctx) };
}

/** What a caller may list: staff all; a business user their own business's places. */
function visibility(ctx: Ctx): PlaceFilter | null {
  if (policy.readAll(ctx.actor)) return {};
  const a = ctx.actor;
  if (a.kind === 'user' && a.role === 'business' && a.organisationId) return { organisationId: a.organisationId };
  return null;
}

/** Places, newest first, filtered and paged; a business user sees only their own. */
export async function listPlaces(ctx: Ctx, deps: ApprenticeshipsDeps, q: { status?: string; tradeKey?: string; holder?: 'unit' | 'organisation'; unitId?: string; activeOn?: string; limit?: number; offset?: number }) {
  const base = visibility(ctx);
  if (!base) throw AppError.forbidden();
  if (q.activeOn && !isIsoDate(q.activeOn)) throw AppError.validation('Ugyldig dato', [{ field: 'activeOn', message: 'Skriv datoen som åååå-mm-dd' }]);
  const tree = q.unitId ? await organisationsRepository(ctx.scope).unitTree() : [];
  const filter: PlaceFilter = { ...base, status: q.status, tradeKey: q.tradeKey, holder: q.holder, activeOn: q.activeOn, ...(q.unitId ? { unitIds: descendantsOf(q.unitId, tree) } : {}) };
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
  const offset = Math.max(q.offset ?? 0, 0);
  const [page, n] = await Promise.all([apprenticeshipsRepository(ctx.scope).page(filter, limit, offset), names(ctx)]);
  return { total: page.total, limit, offset, items: page.rows.map((r) => present(r, n, deps)) };
}

export interface PlaceBody {
  unitId?: string | null;
  organisationId?: string | null;
  tradeKey: string;
  startDate: string;
  endDate: string;
  status: string;
  contractRef?: string | null;
  closedOn?: string | null;
  note?: string | null;
}

/** Checks a place in full, including that its unit or business exists and its contract is not already registered. */
async function check(ctx: Ctx, deps: ApprenticeshipsDeps, input: PlaceBody, selfId: string | null) {
  const facts = { unitId: input.unitId ?? null, organisationId: input.organisationId ?? null, tradeKey: input.tradeKey, startDate: input.startDate, endDate: input.endDate, status: input.status, contractRef: input.contractRef?.trim() || null };
  const issues = validatePlace(facts, deps.reference.trades);
  const org = organisationsRepository(ctx.scope);
  if (facts.unitId && !issues.some((i) => i.field === 'unitId') && !(await org.unitById(facts.unitId))) issues.push({ field: 'unitId', message: 'Enheten finnes ikke' });
  if (facts.organisationId && !issues.some((i) => i.field === 'unitId') && !(await org.organisationById(facts.organisationId))) issues.push({ field: 'organisationId', message: 'Bedriften finnes ikke' });
  if (facts.contractRef && !issues.some((i) => i.field === 'contractRef')) {
    const twin = await apprenticeshipsRepository(ctx.scope).byContract(facts.contractRef);
    if (twin && twin.id !== selfId) issues.push({ field: 'contractRef', message: `Kontrakten ${facts.contractRef} er allerede registrert (${twin.start_date}); en plass telles bare én gang` });
  }
  const closedOn = input.status === 'dropped_out' ? (input.closedOn ?? null) : null;
  if (input.status === 'dropped_out') {
    if (!closedOn || !isIsoDate(closedOn)) issues.push({ field: 'closedOn', message: 'Oppgi datoen læreforholdet ble avbrutt' });
    else if (closedOn < facts.startDate || closedOn > facts.endDate) issues.push({ field: 'closedOn', message: 'Avbruddsdatoen må ligge innenfor læretiden' });
  }
  if (issues.length) throw AppError.validation('Læreplassen kunne ikke lagres', issues);
  return { ...facts, closedOn };
}

/** Registers a place (apprenticeship editors; a unit manager for their units; a business user for their business). */
export async function createPlace(ctx: Ctx, deps: ApprenticeshipsDeps, input: PlaceBody): Promise<PlaceView> {
  if (!policy.actFor(ctx.actor, { unit_id: input.unitId ?? null, organisation_id: input.organisationId ?? null })) throw AppError.forbidden('Du kan bare registrere læreplasser for dine egne enheter eller din egen bedrift');
  const f = await check(ctx, deps, input, null);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), unit_id: f.unitId, organisation_id: f.organisationId, trade_key: f.tradeKey, start_date: f.startDate, end_date: f.endDate, status: f.status, contract_ref: f.contractRef, closed_on: f.closedOn, note: input.note?.trim() || null, created_by_label: actorLabel(ctx.actor), created_at: at, updated_at: at };
    await apprenticeshipsRepository(scope).insert([row]);
    const view = present({ ...row, municipality_id: scope.municipalityId }, await names({ ...ctx, scope }), deps);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'appr_place', entityId: row.id, summary: `Læreplass i ${view.trade.nb} hos ${view.holder} (${PLACE_STATUS_NB[view.status]})`, before: null, after: { status: row.status, tradeKey: row.trade_key, startDate: row.start_date } });
    return view;
  });
}

/** Changes a place: dates, trade, contract, and its status forward only (open → filled → completed or dropped out). */
export async function updatePlace(ctx: Ctx, deps: ApprenticeshipsDeps, id: string, patch: Partial<PlaceBody>): Promise<PlaceView> {
  const repo = apprenticeshipsRepository(ctx.scope);
  const before = await repo.byId(id);
  if (!before) throw AppError.notFound('Læreplassen finnes ikke');
  if (!policy.actFor(ctx.actor, before)) throw AppError.forbidden();
  const status = (patch.status ?? before.status) as PlaceStatus;
  if ((PLACE_STATUSES as readonly string[]).includes(status) && !canMovePlace(before.status as PlaceStatus, status)) {
    throw AppError.validation('Læreplassen kunne ikke lagres', [{ field: 'status', message: `En ${PLACE_STATUS_NB[before.status as PlaceStatus]} plass kan ikke bli ${PLACE_STATUS_NB[status]}` }]);
  }
  const merged: PlaceBody = {
    unitId: before.unit_id,
    organisationId: before.organisation_id,
    tradeKey: patch.tradeKey ?? before.trade_key,
    startDate: patch.startDate ?? before.start_date,
    endDate: patch.endDate ?? before.end_date,
    status,
    contractRef: patch.contractRef !== undefined ? patch.contractRef : before.contract_ref,
    closedOn: patch.closedOn !== undefined ? patch.closedOn : before.closed_on,
    note: patch.note !== undefined ? patch.note : before.note,
  };
  const f = await check(ctx, deps, merged, id);
  return ctx.scope.transaction(async (scope) => {
    const set = { trade_key: f.tradeKey, start_date: f.startDate, end_date: f.endDate, status: f.status, contract_ref: f.contractRef, closed_on: f.closedOn, note: merged.note?.trim() || null, updated_at: nowIso(ctx) };
    await apprenticeshipsRepository(scope).update(id, set);
    const view = present({ ...before, ...set }, await names({ ...ctx, scope }), deps);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'appr_place', entityId: id, summary: before.status !== f.status ? `Læreplass ${PLACE_STATUS_NB[before.status as PlaceStatus]} → ${PLACE_STATUS_NB[f.status as PlaceStatus]}` : 'Læreplass endret', before: { status: before.status, endDate: before.end_date }, after: { status: f.status, endDate: f.endDate } });
    return view;
  });
}

/** The baseline and target of the program indicator computed from the municipal-apprentices metric, if there is one. */
async function goal(ctx: Ctx): Promise<{ indicatorId: string; baselineYear: number; baseline: number; targetYear: number; target: number } | null> {
  const ind = await ctx.scope.selectFrom('indicator').select(['id', 'baseline_value', 'baseline_date']).where('source_domain', '=', 'apprenticeships').where('source_metric', '=', MUNICIPAL_APPRENTICES_METRIC).executeTakeFirst();
  if (!ind || ind.baseline_value === null || !ind.baseline_date) return null;
  const t = await ctx.scope.selectFrom('indicator_target').select(['date', 'value']).where('indicator_id', '=', ind.id).orderBy('date', 'desc').executeTakeFirst();
  if (!t) return null;
  return { indicatorId: ind.id, baselineYear: Number(ind.baseline_date.slice(0, 4)), baseline: Number(ind.baseline_value), targetYear: Number(t.date.slice(0, 4)), target: Number(t.value) };
}

/**
 * HR's picture: apprentices in municipal units on 31 December of each year against the road to
 * the program's target (its baseline × its multiple, in a straight line), today's count by
 * sector, unit and trade, businesses with apprentices and those taking them for the first time,
 * and the units without any, largest first.
 */
export async function overview(ctx: Ctx, deps: ApprenticeshipsDeps, asOf?: string) {
  if (!policy.readAll(ctx.actor)) throw AppError.forbidden();
  const date = asOf ?? osloToday(ctx);
  const orgRepo = organisationsRepository(ctx.scope);
  const [rows, units, tree, g, n] = await Promise.all([apprenticeshipsRepository(ctx.scope).all(), orgRepo.allUnits(), orgRepo.unitTree(), goal(ctx), names(ctx)]);
  const places = rows.map(factsOf);
  const municipal = places.filter((p) => p.unitId);
  const business = places.filter((p) => p.organisationId);
  const thisYear = Number(date.slice(0, 4));
  // From the program's baseline year; without one, from the register's second year (its first is incomplete).
  const firstYear = Math.min(thisYear, g?.baselineYear ?? Math.min(thisYear, ...places.map((p) => Number(p.startDate.slice(0, 4)) + 1)));
  const years = Array.from({ length: Math.max(thisYear, g?.targetYear ?? thisYear) - firstYear + 1 }, (_, i) => firstYear + i);
  const road = g ? trajectory(g.baselineYear, g.baseline, g.targetYear, g.target / g.baseline) : [];
  const counted = apprenticesByYear(municipal, years.filter((y) => y < thisYear));
  const series = years.map((year) => ({
    year,
    count: year < thisYear ? (counted.find((c) => c.year === year)?.count ?? null) : year === thisYear ? municipal.filter((p) => isActiveOn(p, date)).length : null,
    expected: road.find((r) => r.year === year)?.expected ?? null,
    partial: year === thisYear,
  }));
  // Sector of a unit: its ancestor of kind sector.
  const sectorOf = (unitId: string): string | null => {
    let u = n.units.get(unitId);
    while (u && u.kind !== 'sector') u = u.parent_id ? n.units.get(u.parent_id) : undefined;
    return u?.id ?? null;
  };
  const below = (id: string) => descendantsOf(id, tree);
  const bySector = [...countBy(municipal, date, (p) => sectorOf(p.unitId!))].map(([id, count]) => ({ id, name: n.units.get(id)?.name ?? '', count })).sort((a, b) => b.count - a.count);
  const byUnit = [...countBy(municipal, date, (p) => p.unitId)].map(([id, count]) => ({ id, name: n.units.get(id)?.name ?? '', staff: n.units.get(id)?.staff ?? 0, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'nb'));
  const tradeName = (k: string) => deps.reference.trades.find((t) => t.key === k) ?? { key: k, nb: k, en: k };
  const byTrade = [...countBy(places, date, (p) => p.tradeKey)].map(([key, count]) => ({ key, name: { nb: tradeName(key).nb, en: tradeName(key).en }, municipal: countBy(municipal, date, (p) => (p.tradeKey === key ? key : null)).get(key) ?? 0, count })).sort((a, b) => b.count - a.count);
  const firsts = firstTimeBusinesses(business);
  const without = unitsWithout(units, municipal, date, below).map((u) => ({ id: u.id, name: u.name, staff: u.staff, sector: n.units.get(sectorOf(u.id) ?? '')?.name ?? null }));
  const open = places.filter((p) => p.status === 'open').length;
  return {
    asOf: date,
    goal: g ? { ...g, multiple: Math.round((g.target / g.baseline) * 10) / 10 } : null,
    series,
    now: { municipal: series.find((s) => s.year === thisYear)?.count ?? 0, businesses: countBy(business, date, (p) => p.organisationId).size, businessApprentices: business.filter((p) => isActiveOn(p, date)).length, openPlaces: open },
    bySector,
    byUnit,
    byTrade,
    firstTimeBusinesses: [...firsts].sort(([a], [b]) => b - a).map(([year, ids]) => ({ year, businesses: ids.map((id) => ({ id, name: n.orgs.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'nb')) })),
    unitsWithout: without,
  };
}

