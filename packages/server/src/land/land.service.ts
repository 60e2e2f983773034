import {
  greenShareByYear,
  isGreenApplicant,
  isIsoDate,
  jobsPer1000m2ByYear,
  jobsPerM2,
  LAND_CALL_STATUSES,
  LAND_CRITERIA,
  landApplicationValues,
  landCallCriteria,
  PLOT_STATUS_NB,
  PLOT_STATUSES,
  RANK_NORMALISATION_FORMULAS,
  RANK_NORMALISATIONS,
  RANK_SCORE_FORMULA,
  rankSensitivity,
  rankValid,
  validateLandApplication,
  validateLandCallCriteria,
  validateLandPlot,
  type LandAllocation,
  type LandIssue,
  type PlotStatus,
  type RankInput,
  type RankNormalisation,
} from '@omstilling/core';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { osloToday } from '../foodwaste/foodwaste.service.js';
import { boundaryOf } from '../certification/certification.reference.js';
import { landRepository, type ApplicationRow, type CallRow, type DecisionRow, type PlotRow } from './land.repository.js';
import { landPolicy as policy } from './land.policy.js';

/** The program metrics this domain publishes (data/programs: b3-jobs-per-1000m2, b3-green-share-allocated). */
export const JOBS_PER_1000_M2_METRIC = 'jobs_per_1000_m2_municipal_land';
export const GREEN_SHARE_METRIC = 'green_share_of_allocated_area';
export const DECISION_OUTCOMES = ['allocated', 'sold', 'leased', 'none'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

const page = (q: { limit?: number; offset?: number }) => ({ limit: Math.min(Math.max(q.limit ?? 50, 1), 200), offset: Math.max(q.offset ?? 0, 0) });
const trimOrNull = (s: string | null | undefined) => s?.trim() || null;

// ——— presentation ———

function presentPlot(r: PlotRow) {
  return { id: r.id, name: r.name, areaM2: Number(r.area_m2), zoningPlanId: r.zoning_plan_id, place: r.place, lat: Number(r.lat), lon: Number(r.lon), polygon: r.polygon ? (JSON.parse(r.polygon) as unknown) : null, status: r.status as PlotStatus, note: r.note, updatedAt: r.updated_at };
}
export type PlotView = ReturnType<typeof presentPlot>;

const criteriaOf = (r: CallRow) => JSON.parse(r.criteria) as { id: string; weight: number }[];

function presentCall(r: CallRow, plot: PlotRow | undefined, today: string, applications: number, decision: DecisionRow | undefined) {
  const criteria = landCallCriteria(criteriaOf(r)).map((c) => {
    const k = LAND_CRITERIA.find((x) => x.id === c.id);
    return { ...c, unit: k?.unit ?? '', name: { nb: k?.nb ?? c.id, en: k?.en ?? c.id } };
  });
  return {
    id: r.id,
    plotId: r.plot_id,
    plot: plot ? { name: plot.name, areaM2: Number(plot.area_m2), place: plot.place, status: plot.status } : null,
    title: r.title,
    description: r.description,
    normalisation: r.normalisation as RankNormalisation,
    criteria,
    opensOn: r.opens_on,
    deadline: r.deadline,
    status: r.status,
    /** Whether a business may still apply itself (open, deadline not passed). */
    acceptsApplications: r.status === 'open' && today >= r.opens_on && today <= r.deadline,
    applications,
    decision: decision ? presentDecision(decision, null, null) : null,
  };
}
export type CallView = ReturnType<typeof presentCall>;

function presentApplication(r: ApplicationRow, org: { name: string; org_number: string } | undefined, plotAreaM2: number) {
  return {
    id: r.id,
    callId: r.call_id,
    organisationId: r.organisation_id,
    organisation: org?.name ?? '',
    orgNumber: org?.org_number ?? '',
    expectedJobs: Number(r.expected_jobs),
    buildingM2: Number(r.building_m2),
    activity: r.activity,
    sn2007Code: r.sn2007_code,
    certification: r.certification,
    greenScore: Number(r.green_score),
    trafficPerDay: Number(r.traffic_per_day),
    jobsPerM2: jobsPerM2(Number(r.expected_jobs), plotAreaM2),
    green: isGreenApplicant({ certification: r.certification, greenScore: Number(r.green_score) }),
    submittedBy: r.submitted_by_label,
    createdAt: r.created_at,
  };
}
export type ApplicationView = ReturnType<typeof presentApplication>;

function presentDecision(r: DecisionRow, applicant: string | null, plot: string | null) {
  return { id: r.id, callId: r.call_id, plotId: r.plot_id, plot, applicationId: r.application_id, applicant, outcome: r.outcome as DecisionOutcome, decidedOn: r.decided_on, reason: r.reason, caseNumber: r.case_number, ranking: JSON.parse(r.ranking) as { applicant: string; rank: number; score: number }[], decidedBy: r.decided_by_label, createdAt: r.created_at };
}

async function orgNames(ctx: Ctx) {
  const rows = await ctx.scope.selectFrom('organisation').select(['id', 'name', 'org_number']).execute();
  return new Map(rows.map((o) => [o.id, o]));
}

// ——— options and plots ———

/** Criteria, statuses and normalisation methods for forms and the method page. */
export function options(ctx: Ctx) {
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
  return {
    criteria: LAND_CRITERIA.map((c) => ({ id: c.id, direction: c.direction, unit: c.unit, name: { nb: c.nb, en: c.en } })),
    plotStatuses: [...PLOT_STATUSES],
    callStatuses: [...LAND_CALL_STATUSES],
    outcomes: [...DECISION_OUTCOMES],
    normalisations: RANK_NORMALISATIONS.map((n) => ({ id: n, ...RANK_NORMALISATION_FORMULAS[n] })),
    scoreFormula: RANK_SCORE_FORMULA,
    today: osloToday(ctx),
    canEdit: policy.edit(ctx.actor),
    canSeeRanking: policy.readAll(ctx.actor),
  };
}

/** Plots by name, paged, with the area and the program figures over all of them. */
export async function listPlots(ctx: Ctx, q: { status?: string; limit?: number; offset?: number }) {
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
  const { limit, offset } = page(q);
  const repo = landRepository(ctx.scope);
  const [p, all, allocations] = await Promise.all([repo.plots({ status: q.status }, limit, offset), repo.allPlots(), allocationsOf(ctx)]);
  const year = Number(osloToday(ctx).slice(0, 4));
  const years = Array.from({ length: 30 }, (_, i) => year - 29 + i);
  const jobs = jobsPer1000m2ByYear(allocations, years).at(-1) ?? null;
  return {
    total: p.total,
    limit,
    offset,
    items: p.rows.map(presentPlot),
    summary: {
      plots: all.length,
      areaM2: all.reduce((s, r) => s + Number(r.area_m2), 0),
      byStatus: Object.fromEntries(PLOT_STATUSES.map((s) => [s, all.filter((r) => r.status === s).length])),
      jobsPer1000m2: jobs ? { year: jobs.year, value: jobs.value, plots: jobs.plots } : null,
    },
  };
}

/** Every plot (for the map: at most a few hundred per municipality) and the municipality's boundary to draw them on. */
export async function plotMap(ctx: Ctx, dataDir: string) {
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
  const repo = landRepository(ctx.scope);
  const boundary = boundaryOf(dataDir, await repo.municipalitySlug());
  return { boundary, attribution: boundary ? '© Kartverket' : null, plots: (await repo.allPlots()).map(presentPlot) };
}

/** One plot with its calls and decisions. */
export async function getPlot(ctx: Ctx, id: string) {
  const repo = landRepository(ctx.scope);
  const plot = await repo.plotById(id);
  if (!plot) throw AppError.notFound('Tomten');
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
  const [calls, counts] = await Promise.all([repo.callsOfPlot(id), repo.applicationCounts()]);
  const today = osloToday(ctx);
  const decisions = await Promise.all(calls.map((c) => repo.decisionOf(c.id)));
  return { ...presentPlot(plot), calls: calls.map((c, i) => presentCall(c, plot, today, counts.get(c.id) ?? 0, decisions[i])) };
}

export interface PlotBody {
  name: string;
  areaM2: number;
  zoningPlanId: string;
  place?: string | null;
  lat: number;
  lon: number;
  polygon?: { type: 'Polygon'; coordinates: number[][][] } | null;
  status?: string;
  note?: string | null;
}

function polygonIssues(p: PlotBody['polygon']): LandIssue[] {
  if (!p) return [];
  const ring = p.coordinates?.[0];
  if (p.type !== 'Polygon' || !Array.isArray(ring) || ring.length < 4) return [{ field: 'polygon', message: 'Omrisset må være et GeoJSON-polygon med minst fire punkter (lukket ring)' }];
  const bad = ring.some((pt) => !Array.isArray(pt) || pt.length < 2 || Math.abs(pt[0]!) > 180 || Math.abs(pt[1]!) > 90);
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (bad) return [{ field: 'polygon', message: 'Omrisset har punkter utenfor WGS84 (lengde, bredde)' }];
  if (first[0] !== last[0] || first[1] !== last[1]) return [{ field: 'polygon', message: 'Omrisset må være lukket: siste punkt lik det første' }];
  return [];
}

async function checkPlot(ctx: Ctx, b: PlotBody, selfId: string | null) {
  const issues = [...validateLandPlot({ name: b.name, areaM2: b.areaM2, zoningPlanId: b.zoningPlanId, lat: b.lat, lon: b.lon, status: b.status ?? 'available' }), ...polygonIssues(b.polygon)];
  if (b.name?.trim() && !issues.some((i) => i.field === 'name')) {
    const twin = await landRepository(ctx.scope).plotByName(b.name.trim());
    if (twin && twin.id !== selfId) issues.push({ field: 'name', message: `Det finnes allerede en tomt som heter «${b.name.trim()}»` });
  }
  if (issues.length) throw AppError.validation('Tomten kunne ikke lagres', issues);
}

/** Registers a plot (land editors); an area of 0 m² or less is refused. */
export async function createPlot(ctx: Ctx, b: PlotBody): Promise<PlotView> {
  if (!policy.edit(ctx.actor)) throw AppError.forbidden();
  await checkPlot(ctx, b, null);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), name: b.name.trim(), area_m2: b.areaM2, zoning_plan_id: b.zoningPlanId.trim(), place: trimOrNull(b.place), lat: b.lat, lon: b.lon, polygon: b.polygon ? JSON.stringify(b.polygon) : null, status: b.status ?? 'available', note: trimOrNull(b.note), created_at: at, updated_at: at };
    await landRepository(scope).insertPlot(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'land_plot', entityId: row.id, summary: `Næringstomt ${row.name} (${row.area_m2} m², ${PLOT_STATUS_NB[row.status as PlotStatus]})`, before: null, after: { name: row.name, areaM2: row.area_m2, status: row.status } });
    return presentPlot({ ...row, municipality_id: scope.municipalityId });
  });
}

/** Changes a plot (land editors). The area cannot go below a building applied for in an undecided call. */
export async function updatePlot(ctx: Ctx, id: string, patch: Partial<PlotBody>): Promise<PlotView> {
  const repo = landRepository(ctx.scope);
  const before = await repo.plotById(id);
  if (!before) throw AppError.notFound('Tomten');
  if (!policy.edit(ctx.actor)) throw AppError.forbidden();
  const merged: PlotBody = {
    name: patch.name ?? before.name,
    areaM2: patch.areaM2 ?? Number(before.area_m2),
    zoningPlanId: patch.zoningPlanId ?? before.zoning_plan_id,
    place: patch.place !== undefined ? patch.place : before.place,
    lat: patch.lat ?? Number(before.lat),
    lon: patch.lon ?? Number(before.lon),
    polygon: patch.polygon !== undefined ? patch.polygon : before.polygon ? JSON.parse(before.polygon) : null,
    status: patch.status ?? before.status,
    note: patch.note !== undefined ? patch.note : before.note,
  };
  await checkPlot(ctx, merged, id);
  if (merged.areaM2 < Number(before.area_m2)) {
    const open = (await repo.callsOfPlot(id)).filter((c) => c.status !== 'decided');
    const biggest = Math.max(0, ...(await Promise.all(open.map((c) => repo.applicationsOf(c.id)))).flat().map((a) => Number(a.building_m2)));
    if (biggest > merged.areaM2) throw AppError.validation('Tomten kunne ikke lagres', [{ field: 'areaM2', message: `En søknad i en åpen utlysning gjelder ${biggest} m² bygg; tomten kan ikke bli mindre enn det` }]);
  }
  return ctx.scope.transaction(async (scope) => {
    const set = { name: merged.name.trim(), area_m2: merged.areaM2, zoning_plan_id: merged.zoningPlanId.trim(), place: trimOrNull(merged.place), lat: merged.lat, lon: merged.lon, polygon: merged.polygon ? JSON.stringify(merged.polygon) : null, status: merged.status!, note: trimOrNull(merged.note), updated_at: nowIso(ctx) };
    await landRepository(scope).updatePlot(id, set);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'land_plot', entityId: id, summary: before.status !== set.status ? `Næringstomt ${set.name}: ${PLOT_STATUS_NB[before.status as PlotStatus]} → ${PLOT_STATUS_NB[set.status as PlotStatus]}` : `Næringstomt ${set.name} endret`, before: { status: before.status, areaM2: Number(before.area_m2) }, after: { status: set.status, areaM2: set.area_m2 } });
    return presentPlot({ ...before, ...set });
  });
}

// ——— calls ———

/** Calls, latest deadline first, paged. */
export async function listCalls(ctx: Ctx, q: { status?: string; plotId?: string; limit?: number; offset?: number }) {
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
  const { limit, offset } = page(q);
  const repo = landRepository(ctx.scope);
  const [p, plots, counts] = await Promise.all([repo.calls({ status: q.status, plotId: q.plotId }, limit, offset), repo.allPlots(), repo.applicationCounts()]);
  const byId = new Map(plots.map((x) => [x.id, x]));
  const today = osloToday(ctx);
  const decisions = await Promise.all(p.rows.map((c) => repo.decisionOf(c.id)));
  return { total: p.total, limit, offset, items: p.rows.map((c, i) => presentCall(c, byId.get(c.plot_id), today, counts.get(c.id) ?? 0, decisions[i])) };
}

/** One call with its plot, criteria and decision. */
export async function getCall(ctx: Ctx, id: string): Promise<CallView> {
  const repo = landRepository(ctx.scope);
  const call = await repo.callById(id);
  if (!call) throw AppError.notFound('Utlysningen');
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
  const [plot, counts, decision] = await Promise.all([repo.plotById(call.plot_id), repo.applicationCounts(), repo.decisionOf(id)]);
  return presentCall(call, plot, osloToday(ctx), counts.get(id) ?? 0, decision);
}

export interface CallBody {
  plotId: string;
  title: string;
  description?: string | null;
  normalisation: string;
  criteria: { id: string; weight: number }[];
  opensOn: string;
  deadline: string;
}

function callIssues(b: Omit<CallBody, 'plotId'>): LandIssue[] {
  const issues = validateLandCallCriteria({ normalisation: b.normalisation, criteria: b.criteria });
  if (!b.title?.trim()) issues.push({ field: 'title', message: 'Utlysningen må ha en tittel' });
  if (!isIsoDate(b.opensOn)) issues.push({ field: 'opensOn', message: 'Skriv datoen som åååå-mm-dd' });
  if (!isIsoDate(b.deadline)) issues.push({ field: 'deadline', message: 'Skriv fristen som åååå-mm-dd' });
  else if (isIsoDate(b.opensOn) && b.deadline < b.opensOn) issues.push({ field: 'deadline', message: 'Fristen kan ikke være før utlysningen åpner' });
  return issues;
}

/** Opens a call on an available plot (land editors); the weights must sum to 100. The plot becomes «in call». */
export async function createCall(ctx: Ctx, b: CallBody): Promise<CallView> {
  if (!policy.edit(ctx.actor)) throw AppError.forbidden();
  const repo = landRepository(ctx.scope);
  const plot = await repo.plotById(b.plotId);
  const issues = callIssues(b);
  if (!plot) issues.unshift({ field: 'plotId', message: 'Tomten finnes ikke' });
  else if (plot.status !== 'available') issues.unshift({ field: 'plotId', message: `Tomten er ${PLOT_STATUS_NB[plot.status as PlotStatus]}; bare ledige tomter kan lyses ut` });
  if (issues.length) throw AppError.validation('Utlysningen kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), plot_id: plot!.id, title: b.title.trim(), description: trimOrNull(b.description), normalisation: b.normalisation, criteria: JSON.stringify(b.criteria.map((c) => ({ id: c.id, weight: c.weight }))), opens_on: b.opensOn, deadline: b.deadline, status: 'open', created_by_label: actorLabel(ctx.actor), created_at: at, updated_at: at };
    const r = landRepository(scope);
    await r.insertCall(row);
    await r.updatePlot(plot!.id, { status: 'in_call', updated_at: at });
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'land_call', entityId: row.id, summary: `Utlysning «${row.title}» av ${plot!.name} (frist ${row.deadline})`, before: null, after: { status: 'open', criteria: b.criteria } });
    return presentCall({ ...row, municipality_id: scope.municipalityId }, { ...plot!, status: 'in_call' }, osloToday(ctx), 0, undefined);
  });
}

export type CallPatch = Partial<Omit<CallBody, 'plotId'>> & { status?: string };

/** Changes an undecided call: text, weights, deadline, or closes it (land editors). */
export async function updateCall(ctx: Ctx, id: string, patch: CallPatch): Promise<CallView> {
  const repo = landRepository(ctx.scope);
  const before = await repo.callById(id);
  if (!before) throw AppError.notFound('Utlysningen');
  if (!policy.edit(ctx.actor)) throw AppError.forbidden();
  if (before.status === 'decided') throw AppError.validation('Utlysningen kunne ikke lagres', [{ field: 'status', message: 'Utlysningen er avgjort og kan ikke endres' }]);
  const merged = { title: patch.title ?? before.title, description: patch.description !== undefined ? patch.description : before.description, normalisation: patch.normalisation ?? before.normalisation, criteria: patch.criteria ?? criteriaOf(before), opensOn: patch.opensOn ?? before.opens_on, deadline: patch.deadline ?? before.deadline };
  const status = patch.status ?? before.status;
  const issues = callIssues(merged);
  if (status !== 'open' && status !== 'closed') issues.push({ field: 'status', message: 'Status kan bare settes til open eller closed; en avgjørelse registreres for seg' });
  if (issues.length) throw AppError.validation('Utlysningen kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const set = { title: merged.title.trim(), description: trimOrNull(merged.description), normalisation: merged.normalisation, criteria: JSON.stringify(merged.criteria.map((c) => ({ id: c.id, weight: c.weight }))), opens_on: merged.opensOn, deadline: merged.deadline, status, updated_at: nowIso(ctx) };
    const r = landRepository(scope);
    await r.updateCall(id, set);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'land_call', entityId: id, summary: `Utlysning «${set.title}» endret`, before: { status: before.status, criteria: criteriaOf(before), deadline: before.deadline }, after: { status, criteria: merged.criteria, deadline: set.deadline } });
    const [plot, counts] = await Promise.all([r.plotById(before.plot_id), r.applicationCounts()]);
    return presentCall({ ...before, ...set }, plot, osloToday(ctx), counts.get(id) ?? 0, undefined);
  });
}

// ——— applications ———

export interface ApplicationBody {
  organisationId: string;
  expectedJobs: number;
  buildingM2: number;
  activity: string;
  sn2007Code: string;
  certification?: string | null;
  greenScore: number;
  trafficPerDay: number;
}

/** Applies for a plot: a business user for their own business while the call is open; land editors on a business's behalf until it is decided. */
export async function createApplication(ctx: Ctx, callId: string, b: ApplicationBody): Promise<ApplicationView> {
  const repo = landRepository(ctx.scope);
  const call = await repo.callById(callId);
  if (!call) throw AppError.notFound('Utlysningen');
  if (!policy.applyFor(ctx.actor, b.organisationId)) throw AppError.forbidden('Du kan bare søke for din egen bedrift');
  const plot = (await repo.plotById(call.plot_id))!;
  const today = osloToday(ctx);
  const issues: LandIssue[] = [];
  if (call.status === 'decided') issues.push({ field: 'callId', message: 'Utlysningen er avgjort; det kan ikke lenger søkes' });
  else if (!policy.edit(ctx.actor) && (call.status !== 'open' || today > call.deadline || today < call.opens_on)) issues.push({ field: 'callId', message: `Utlysningen tar ikke imot søknader nå (frist ${call.deadline})` });
  const input = { expectedJobs: b.expectedJobs, buildingM2: b.buildingM2, activity: b.activity, sn2007Code: b.sn2007Code?.trim(), certification: trimOrNull(b.certification), greenScore: b.greenScore, trafficPerDay: b.trafficPerDay };
  issues.push(...validateLandApplication(input, Number(plot.area_m2)));
  const org = await organisationsRepository(ctx.scope).organisationById(b.organisationId);
  if (!org) issues.push({ field: 'organisationId', message: 'Bedriften finnes ikke' });
  else if (await repo.applicationOf(callId, b.organisationId)) issues.push({ field: 'organisationId', message: `${org.name} har allerede søkt i denne utlysningen` });
  if (issues.length) throw AppError.validation('Søknaden kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), call_id: callId, organisation_id: b.organisationId, expected_jobs: input.expectedJobs, building_m2: input.buildingM2, activity: input.activity.trim(), sn2007_code: input.sn2007Code, certification: input.certification, green_score: input.greenScore, traffic_per_day: input.trafficPerDay, submitted_by_label: actorLabel(ctx.actor), created_at: at, updated_at: at };
    await landRepository(scope).insertApplication(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'land_application', entityId: row.id, summary: `Søknad fra ${org!.name} på ${plot.name}: ${row.expected_jobs} arbeidsplasser, ${row.building_m2} m² bygg`, before: null, after: { callId, expectedJobs: row.expected_jobs, buildingM2: row.building_m2 } });
    return presentApplication({ ...row, municipality_id: scope.municipalityId }, org!, Number(plot.area_m2));
  });
}

/** Applications, newest first: staff all (optionally of one call), a business user their own. */
export async function listApplications(ctx: Ctx, q: { callId?: string; limit?: number; offset?: number }) {
  const a = ctx.actor;
  const own = a.kind === 'user' && a.role === 'business' && a.organisationId ? a.organisationId : null;
  if (!policy.readAll(a) && !own) throw AppError.forbidden();
  const { limit, offset } = page(q);
  const repo = landRepository(ctx.scope);
  const [p, orgs, plots] = await Promise.all([repo.applications({ callId: q.callId, organisationId: policy.readAll(a) ? undefined : own! }, limit, offset), orgNames(ctx), repo.allPlots()]);
  const calls = new Map<string, CallRow | undefined>();
  for (const r of p.rows) if (!calls.has(r.call_id)) calls.set(r.call_id, await repo.callById(r.call_id));
  const area = (callId: string) => Number(plots.find((x) => x.id === calls.get(callId)?.plot_id)?.area_m2 ?? 0);
  return { total: p.total, limit, offset, items: p.rows.map((r) => ({ ...presentApplication(r, orgs.get(r.organisation_id), area(r.call_id)), callTitle: calls.get(r.call_id)?.title ?? '' })) };
}

// ——— ranking ———

/** The rank input of a call: one applicant per application, values from the application and the plot. */
function rankInputOf(call: CallRow, plot: PlotRow, apps: ApplicationRow[]): RankInput {
  const criteria = landCallCriteria(criteriaOf(call));
  return {
    normalisation: call.normalisation as RankNormalisation,
    criteria,
    applicants: apps.map((a) => {
      const v = landApplicationValues({ expectedJobs: Number(a.expected_jobs), buildingM2: Number(a.building_m2), activity: a.activity, sn2007Code: a.sn2007_code, certification: a.certification, greenScore: Number(a.green_score), trafficPerDay: Number(a.traffic_per_day) }, Number(plot.area_m2));
      return { id: a.id, values: Object.fromEntries(criteria.map((c) => [c.id, v[c.id as keyof typeof v]])) };
    }),
  };
}

/**
 * The ranking of a call's applicants with every step (raw value, normalised value, weight,
 * points per criterion), the bounds each criterion is normalised between, ties, and the
 * sensitivity of the leader to each weight (staff).
 */
export async function callRanking(ctx: Ctx, id: string) {
  const repo = landRepository(ctx.scope);
  const call = await repo.callById(id);
  if (!call) throw AppError.notFound('Utlysningen');
  if (!policy.readAll(ctx.actor)) throw AppError.forbidden();
  const [plot, apps, orgs, decision] = await Promise.all([repo.plotById(call.plot_id), repo.applicationsOf(id), orgNames(ctx), repo.decisionOf(id)]);
  const input = rankInputOf(call, plot!, apps);
  const r = rankValid(input);
  const s = rankSensitivity(input);
  const byId = new Map(apps.map((a) => [a.id, a]));
  const name = (appId: string | null) => (appId ? (orgs.get(byId.get(appId)?.organisation_id ?? '')?.name ?? appId) : null);
  return {
    call: presentCall(call, plot, osloToday(ctx), apps.length, decision),
    plot: presentPlot(plot!),
    normalisation: input.normalisation,
    formulas: { ...RANK_NORMALISATION_FORMULAS[input.normalisation], score: RANK_SCORE_FORMULA },
    bounds: r.bounds,
    ranking: r.ranking.map((x) => ({ ...presentApplication(byId.get(x.applicant)!, orgs.get(byId.get(x.applicant)!.organisation_id), Number(plot!.area_m2)), rank: x.rank, score: x.score, contributions: x.contributions, steps: x.steps, tiedWith: x.tiedWith.map((t) => name(t)!) })),
    ties: r.ties.map((t) => t.map((x) => name(x)!)),
    sensitivity: {
      leader: name(s.leader),
      leaderTied: s.leaderTied,
      criteria: s.criteria.map((c) => ({ ...c, below: c.below ? { at: c.below.at, newLeader: name(c.below.newLeader)! } : null, above: c.above ? { at: c.above.at, newLeader: name(c.above.newLeader)! } : null })),
    },
    decision: decision ? presentDecision(decision, name(decision.application_id), plot!.name) : null,
  };
}

// ——— decisions ———

/** The ranking as the decision log keeps it: applicant name, application, rank, score and points. */
export function rankingSnapshot(call: CallRow, plot: PlotRow, apps: ApplicationRow[], orgs: Map<string, { name: string }>) {
  return rankValid(rankInputOf(call, plot, apps)).ranking.map((x) => ({ applicant: orgs.get(apps.find((a) => a.id === x.applicant)!.organisation_id)?.name ?? x.applicant, applicationId: x.applicant, rank: x.rank, score: x.score, contributions: x.contributions }));
}

export interface DecisionBody {
  applicationId?: string | null;
  outcome: string;
  decidedOn: string;
  reason: string;
  caseNumber?: string | null;
}

/** Records the decision of a call in the log (land editors): the allocation with its reason, or no allocation; the plot's status follows. */
export async function decideCall(ctx: Ctx, callId: string, b: DecisionBody) {
  const repo = landRepository(ctx.scope);
  const call = await repo.callById(callId);
  if (!call) throw AppError.notFound('Utlysningen');
  if (!policy.edit(ctx.actor)) throw AppError.forbidden();
  const issues: LandIssue[] = [];
  if (call.status === 'decided' || (await repo.decisionOf(callId))) issues.push({ field: 'callId', message: 'Utlysningen er allerede avgjort' });
  if (!(DECISION_OUTCOMES as readonly string[]).includes(b.outcome)) issues.push({ field: 'outcome', message: `Utfallet må være ett av ${DECISION_OUTCOMES.join(', ')}` });
  const app = b.applicationId ? await repo.applicationById(b.applicationId) : undefined;
  if (b.outcome === 'none' && b.applicationId) issues.push({ field: 'applicationId', message: 'Uten tildeling skal ingen søknad velges' });
  if (b.outcome !== 'none' && !b.applicationId) issues.push({ field: 'applicationId', message: 'Velg søknaden tomten tildeles' });
  if (b.applicationId && (!app || app.call_id !== callId)) issues.push({ field: 'applicationId', message: 'Søknaden hører ikke til denne utlysningen' });
  if (!isIsoDate(b.decidedOn)) issues.push({ field: 'decidedOn', message: 'Skriv vedtaksdatoen som åååå-mm-dd' });
  else if (b.decidedOn > osloToday(ctx)) issues.push({ field: 'decidedOn', message: 'Vedtaksdatoen kan ikke være i fremtiden' });
  if ((b.reason?.trim().length ?? 0) < 10) issues.push({ field: 'reason', message: 'Begrunn avgjørelsen (minst 10 tegn)' });
  if (issues.length) throw AppError.validation('Avgjørelsen kunne ikke lagres', issues);
  const [plot, apps, orgs] = await Promise.all([repo.plotById(call.plot_id), repo.applicationsOf(callId), orgNames(ctx)]);
  const ranking = rankingSnapshot(call, plot!, apps, orgs);
  const first = ranking[0]?.applicationId ?? null;
  const deviates = !!b.applicationId && b.applicationId !== first;
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), call_id: callId, plot_id: call.plot_id, application_id: b.applicationId ?? null, outcome: b.outcome, decided_on: b.decidedOn, reason: b.reason.trim(), case_number: trimOrNull(b.caseNumber), ranking: JSON.stringify(ranking), decided_by_label: actorLabel(ctx.actor), created_at: at };
    const r = landRepository(scope);
    await r.insertDecision(row);
    await r.updateCall(callId, { status: 'decided', updated_at: at });
    const plotStatus = b.outcome === 'none' ? 'available' : b.outcome;
    await r.updatePlot(call.plot_id, { status: plotStatus, updated_at: at });
    const who = app ? (orgs.get(app.organisation_id)?.name ?? '') : null;
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'land_decision', entityId: row.id, summary: who ? `${plot!.name} ${PLOT_STATUS_NB[plotStatus as PlotStatus]} til ${who}${deviates ? ' (ikke førstevalg i rangeringen)' : ''}: ${row.reason}` : `${plot!.name}: ingen tildeling: ${row.reason}`, before: { callStatus: call.status, plotStatus: plot!.status }, after: { callStatus: 'decided', plotStatus, applicationId: row.application_id } });
    return { ...presentDecision({ ...row, municipality_id: scope.municipalityId }, who, plot!.name), deviatesFromRanking: deviates };
  });
}

/** The decision log, newest first, paged. */
export async function listDecisions(ctx: Ctx, q: { limit?: number; offset?: number }) {
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
  const { limit, offset } = page(q);
  const repo = landRepository(ctx.scope);
  const [p, plots, orgs] = await Promise.all([repo.decisions(limit, offset), repo.allPlots(), orgNames(ctx)]);
  const items = [];
  for (const d of p.rows) {
    const app = d.application_id ? await repo.applicationById(d.application_id) : undefined;
    const ranked = JSON.parse(d.ranking) as { applicationId: string }[];
    items.push({ ...presentDecision(d, app ? (orgs.get(app.organisation_id)?.name ?? null) : null, plots.find((x) => x.id === d.plot_id)?.name ?? null), deviatesFromRanking: !!d.application_id && ranked[0]?.applicationId !== d.application_id });
  }
  return { total: p.total, limit, offset, items };
}

/** Every allocation as the program's figures see it: decision date, plot area, jobs, green or not. */
export async function allocationsOf(ctx: Ctx): Promise<LandAllocation[]> {
  return (await landRepository(ctx.scope).allocations()).map((a) => ({ date: a.decided_on, plotAreaM2: Number(a.area_m2), jobs: Number(a.expected_jobs), green: isGreenApplicant({ certification: a.certification, greenScore: Number(a.green_score) }) }));
}

/** The program figures by year: jobs per 1 000 m² on allocated land and the green share of the area allocated. */
export async function overview(ctx: Ctx) {
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
  const al = await allocationsOf(ctx);
  const year = Number(osloToday(ctx).slice(0, 4));
  const first = al.length ? Number(al[0]!.date.slice(0, 4)) : year;
  const years = Array.from({ length: year - first + 1 }, (_, i) => first + i);
  return { allocations: al.length, jobsPer1000m2: jobsPer1000m2ByYear(al, years), greenShare: greenShareByYear(al, years) };
}
