import { adoptionMatrix, ADOPTION_STATUS_NB, ADOPTION_STATUSES, areaOfUnit, countingUnitOf, coverageOn, eligibleUnits, isIsoDate, PLAN_RULE_EN, PLAN_RULE_NB, statusOn, unitsWithoutActive, validateMeasure, validateServiceReport, validateStatusChange, yearBefore, type AdoptionFacts, type AdoptionStatus, type AreaMapping, type CoverageUnit, type MeasureInput, type ReportFacts } from '@omstilling/core';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { AppError, type ErrorDetail } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { osloToday } from '../foodwaste/foodwaste.service.js';
import { servicesRepository, type AdoptionRow, type EventRow, type MeasureRow, type ReportRow } from './services.repository.js';
import { servicesPolicy as policy } from './services.policy.js';
import type { ServicesReference } from './services.reference.js';

/** What the services use cases need besides the context. */
export interface ServicesDeps {
  reference: ServicesReference;
}

/** A JSON array stored as text; anything else reads as empty. */
const parseList = (s: string): string[] => {
  try {
    const v = JSON.parse(s) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

/** A measure as the API shows it. */
export function presentMeasure(m: MeasureRow) {
  return {
    id: m.id,
    key: m.key,
    titleNb: m.title_nb,
    titleEn: m.title_en,
    descriptionNb: m.description_nb,
    descriptionEn: m.description_en,
    areas: parseList(m.areas),
    programPoints: parseList(m.program_points),
    sourceTitle: m.source_title,
    sourceUrl: m.source_url,
    retiredOn: m.retired_on,
    updatedAt: m.updated_at,
  };
}
export type MeasureView = ReturnType<typeof presentMeasure>;

const coverageUnit = (u: { id: string; key: string; parent_id: string | null; kind: string; type: string; name: string }): CoverageUnit => ({ id: u.id, key: u.key, parentId: u.parent_id, kind: u.kind, type: u.type, name: u.name });

/** Units, the area mapping (reference types + the municipality's own exceptions), adoptions with events, and report dates. */
export async function loadFacts(ctx: Ctx, deps: ServicesDeps) {
  const repo = servicesRepository(ctx.scope);
  const [rows, overrides, adoptions, events, reports] = await Promise.all([organisationsRepository(ctx.scope).allUnits(), repo.unitAreas(), repo.adoptions(), repo.events(), repo.reportDates()]);
  const units = rows.map(coverageUnit);
  const keyOf = new Map(units.map((u) => [u.id, u.key]));
  const mapping: AreaMapping = { areas: deps.reference.areas, byUnitKey: Object.fromEntries(overrides.filter((o) => keyOf.has(o.unit_id)).map((o) => [keyOf.get(o.unit_id)!, o.area_key])) };
  const eventsOf = new Map<string, EventRow[]>();
  for (const e of events) eventsOf.set(e.adoption_id, [...(eventsOf.get(e.adoption_id) ?? []), e]);
  const facts: AdoptionFacts[] = adoptions.map((a) => ({ id: a.id, unitId: a.unit_id, measureId: a.measure_id, events: (eventsOf.get(a.id) ?? []).map((e) => ({ date: e.date, status: e.status as AdoptionStatus })) }));
  const reportFacts: ReportFacts[] = reports.map((r) => ({ adoptionId: r.adoption_id, unitId: r.unit_id, date: r.report_date }));
  return { units, byId: new Map(units.map((u) => [u.id, u])), rows: new Map(rows.map((r) => [r.id, r])), mapping, adoptions, facts, reports: reportFacts };
}

/** Areas and statuses for forms and filters, with the plan rule in words. */
export function options(ctx: Ctx, deps: ServicesDeps) {
  if (!policy.readInternal(ctx.actor)) throw AppError.forbidden();
  return { areas: deps.reference.areas, groups: deps.reference.groups, statuses: [...ADOPTION_STATUSES], planRule: { nb: PLAN_RULE_NB, en: PLAN_RULE_EN }, today: osloToday(ctx), isEditor: policy.isEditor(ctx.actor) };
}

/** The catalogue for staff: every measure (retired ones last), with the number of units where it is active today. */
export async function listMeasures(ctx: Ctx, deps: ServicesDeps, q: { includeRetired?: boolean; area?: string }) {
  if (!policy.readInternal(ctx.actor)) throw AppError.forbidden();
  return catalogue(ctx, deps, { includeRetired: q.includeRetired ?? true, area: q.area });
}

/** The public catalogue for residents: measures in use, and in how many units each is active. No unit names. */
export async function publicCatalogue(ctx: Ctx, deps: ServicesDeps, q: { area?: string }) {
  return catalogue(ctx, deps, { includeRetired: false, area: q.area });
}

async function catalogue(ctx: Ctx, deps: ServicesDeps, q: { includeRetired: boolean; area?: string }) {
  const today = osloToday(ctx);
  const [measures, f] = await Promise.all([servicesRepository(ctx.scope).measures(), loadFacts(ctx, deps)]);
  const activeUnits = new Map<string, Set<string>>();
  for (const a of f.facts) {
    if (statusOn(a.events, today) !== 'active') continue;
    const u = countingUnitOf(a.unitId, f.byId) ?? a.unitId;
    activeUnits.set(a.measureId, (activeUnits.get(a.measureId) ?? new Set()).add(u));
  }
  const items = measures
    .map(presentMeasure)
    .filter((m) => (q.includeRetired || !m.retiredOn) && (!q.area || m.areas.includes(q.area)))
    .map((m) => ({ ...m, activeUnits: activeUnits.get(m.id)?.size ?? 0 }))
    .sort((a, b) => Number(Boolean(a.retiredOn)) - Number(Boolean(b.retiredOn)) || a.titleNb.localeCompare(b.titleNb, 'nb'));
  return { areas: deps.reference.areas, items };
}

export interface MeasureBody extends MeasureInput {
  retired?: boolean;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'tiltak';

const clean = (m: MeasureInput): MeasureInput => ({ titleNb: m.titleNb.trim(), titleEn: m.titleEn.trim(), descriptionNb: m.descriptionNb.trim(), descriptionEn: m.descriptionEn?.trim() || null, areas: [...m.areas], programPoints: m.programPoints.map((p) => p.trim().toUpperCase()), sourceTitle: m.sourceTitle?.trim() || null, sourceUrl: m.sourceUrl?.trim() || null });

/** Adds a measure to the catalogue (services editors). */
export async function createMeasure(ctx: Ctx, deps: ServicesDeps, input: MeasureInput): Promise<MeasureView> {
  if (!policy.isEditor(ctx.actor)) throw AppError.forbidden('Bare redaktører for tjenester kan endre tiltakskatalogen');
  const m = clean(input);
  const issues = validateMeasure(m, deps.reference.areas);
  if (issues.length) throw AppError.validation('Tiltaket kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const repo = servicesRepository(scope);
    let key = slug(m.titleNb);
    for (let i = 2; await repo.measureByKey(key); i++) key = `${slug(m.titleNb)}-${i}`;
    const at = nowIso(ctx);
    const row = { id: newId(), key, title_nb: m.titleNb, title_en: m.titleEn, description_nb: m.descriptionNb, description_en: m.descriptionEn ?? null, areas: JSON.stringify(m.areas), program_points: JSON.stringify(m.programPoints), source_title: m.sourceTitle ?? null, source_url: m.sourceUrl ?? null, retired_on: null, created_by_label: actorLabel(ctx.actor), created_at: at, updated_at: at };
    await repo.insertMeasures([row]);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'svc_measure', entityId: row.id, summary: `Tiltak «${row.title_nb}» lagt i katalogen`, before: null, after: { key, areas: m.areas, programPoints: m.programPoints } });
    return presentMeasure({ ...row, municipality_id: scope.municipalityId });
  });
}

/** Changes a measure, or retires it (retired: true) or brings it back (retired: false). Services editors. */
export async function updateMeasure(ctx: Ctx, deps: ServicesDeps, id: string, patch: Partial<MeasureBody>): Promise<MeasureView> {
  if (!policy.isEditor(ctx.actor)) throw AppError.forbidden('Bare redaktører for tjenester kan endre tiltakskatalogen');
  const repo = servicesRepository(ctx.scope);
  const before = await repo.measureById(id);
  if (!before) throw AppError.notFound('Tiltaket');
  const b = presentMeasure(before);
  const m = clean({ titleNb: patch.titleNb ?? b.titleNb, titleEn: patch.titleEn ?? b.titleEn, descriptionNb: patch.descriptionNb ?? b.descriptionNb, descriptionEn: patch.descriptionEn !== undefined ? patch.descriptionEn : b.descriptionEn, areas: patch.areas ?? b.areas, programPoints: patch.programPoints ?? b.programPoints, sourceTitle: patch.sourceTitle !== undefined ? patch.sourceTitle : b.sourceTitle, sourceUrl: patch.sourceUrl !== undefined ? patch.sourceUrl : b.sourceUrl });
  const issues = validateMeasure(m, deps.reference.areas);
  if (issues.length) throw AppError.validation('Tiltaket kunne ikke lagres', issues);
  const retiredOn = patch.retired === undefined ? before.retired_on : patch.retired ? (before.retired_on ?? osloToday(ctx)) : null;
  return ctx.scope.transaction(async (scope) => {
    const set = { title_nb: m.titleNb, title_en: m.titleEn, description_nb: m.descriptionNb, description_en: m.descriptionEn ?? null, areas: JSON.stringify(m.areas), program_points: JSON.stringify(m.programPoints), source_title: m.sourceTitle ?? null, source_url: m.sourceUrl ?? null, retired_on: retiredOn, updated_at: nowIso(ctx) };
    await servicesRepository(scope).updateMeasure(id, set);
    const summary = !before.retired_on && retiredOn ? `Tiltak «${m.titleNb}» tatt ut av bruk` : before.retired_on && !retiredOn ? `Tiltak «${m.titleNb}» tatt i bruk igjen` : `Tiltak «${m.titleNb}» endret`;
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'svc_measure', entityId: id, summary, before: { titleNb: b.titleNb, areas: b.areas, retiredOn: before.retired_on }, after: { titleNb: m.titleNb, areas: m.areas, retiredOn } });
    return presentMeasure({ ...before, ...set });
  });
}

/** Rows for the built-in catalogue's measures the municipality does not have yet (by key). */
export async function missingReferenceMeasures(ctx: Ctx, deps: ServicesDeps) {
  const have = new Set((await servicesRepository(ctx.scope).measures()).map((m) => m.key));
  const at = nowIso(ctx);
  return deps.reference.measures.filter((m) => !have.has(m.key)).map((m) => ({ id: newId(), key: m.key, title_nb: m.titleNb, title_en: m.titleEn, description_nb: m.descriptionNb, description_en: m.descriptionEn ?? null, areas: JSON.stringify(m.areas), program_points: JSON.stringify(m.programPoints), source_title: m.sourceTitle ?? null, source_url: m.sourceUrl ?? null, retired_on: null, created_by_label: actorLabel(ctx.actor), created_at: at, updated_at: at }));
}

/** Copies the built-in catalogue's measures that the municipality does not have yet (by key). Idempotent. */
export async function importReferenceCatalogue(ctx: Ctx, deps: ServicesDeps): Promise<{ added: number }> {
  if (!policy.isEditor(ctx.actor)) throw AppError.forbidden('Bare redaktører for tjenester kan endre tiltakskatalogen');
  return ctx.scope.transaction(async (scope) => {
    const repo = servicesRepository(scope);
    const rows = await missingReferenceMeasures({ ...ctx, scope }, deps);
    await repo.insertMeasures(rows);
    for (const r of rows) await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'svc_measure', entityId: r.id, summary: `Tiltak «${r.title_nb}» hentet fra standardkatalogen`, before: null, after: { key: r.key } });
    // The copy itself is recorded too, also when there was nothing new to copy.
    await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'svc_measure', entityId: 'reference-catalogue', summary: `Standardkatalogen hentet: ${rows.length} nye tiltak`, before: null, after: { added: rows.length } });
    return { added: rows.length };
  });
}

/** Units counted in coverage, each with its area and today's number of active measures; a unit manager's own first. */
export async function listUnits(ctx: Ctx, deps: ServicesDeps, q: { area?: string; mine?: boolean }) {
  if (!policy.readInternal(ctx.actor)) throw AppError.forbidden();
  const today = osloToday(ctx);
  const f = await loadFacts(ctx, deps);
  const c = coverageOn(f.units, f.mapping, f.facts, f.reports, today);
  const activeCount = new Map<string, number>();
  for (const a of f.facts) if (statusOn(a.events, today) === 'active') {
    const u = countingUnitOf(a.unitId, f.byId);
    if (u) activeCount.set(u, (activeCount.get(u) ?? 0) + 1);
  }
  const a = ctx.actor;
  const own = a.kind === 'user' && a.role === 'unit_manager' ? new Set(a.unitScope) : new Set<string>();
  const items = eligibleUnits(f.units, f.mapping)
    .filter((e) => (!q.area || e.area === q.area) && (!q.mine || own.has(e.unit.id)))
    .map((e) => ({ id: e.unit.id, name: e.unit.name, area: e.area, activeMeasures: activeCount.get(e.unit.id) ?? 0, hasPlan: c.plan.has(e.unit.id), own: own.has(e.unit.id), canAct: policy.actForUnit(ctx.actor, e.unit.id) }))
    .sort((x, y) => Number(y.own) - Number(x.own) || x.name.localeCompare(y.name, 'nb'));
  return { items };
}

function presentAdoption(a: AdoptionRow, events: EventRow[], reports: ReportRow[], measure: MeasureRow | undefined, unitName: string) {
  return {
    id: a.id,
    unitId: a.unit_id,
    unitName,
    measureId: a.measure_id,
    measure: measure ? { titleNb: measure.title_nb, titleEn: measure.title_en, retiredOn: measure.retired_on } : null,
    adoptedOn: a.adopted_on,
    status: a.status as AdoptionStatus,
    note: a.note,
    history: events.map((e) => ({ date: e.date, status: e.status as AdoptionStatus, note: e.note, by: e.created_by_label })),
    reports: reports.map(presentReport),
  };
}
const presentReport = (r: ReportRow) => ({ id: r.id, adoptionId: r.adoption_id, unitId: r.unit_id, date: r.report_date, text: r.text, participants: r.participants, meals: r.meals, fileId: r.file_id, by: r.created_by_label, createdAt: r.created_at });
export type AdoptionView = ReturnType<typeof presentAdoption>;

/**
 * A unit's own page: its area, whether it has sustainability in its plan today, its adoptions
 * (with history and reports, newest report first) and the measures of its area it has not adopted.
 * Staff read every unit's page; only its manager and services editors may act on it.
 */
export async function unitPage(ctx: Ctx, deps: ServicesDeps, unitId: string) {
  if (!policy.readInternal(ctx.actor)) throw AppError.forbidden();
  const f = await loadFacts(ctx, deps);
  const unit = f.byId.get(unitId);
  if (!unit) throw AppError.notFound('Enheten');
  const today = osloToday(ctx);
  const repo = servicesRepository(ctx.scope);
  // The unit and the subunits below it (an after-school club's adoptions show on the school's page).
  const members = f.units.filter((u) => u.id === unitId || countingUnitOf(u.id, f.byId) === unitId).map((u) => u.id);
  const [adoptions, measures, reports] = await Promise.all([repo.adoptions(members), repo.measures(), repo.reports({ unitIds: members })]);
  const events = await repo.events(adoptions.map((a) => a.id));
  const byMeasure = new Map(measures.map((m) => [m.id, m]));
  const area = areaOfUnit(unit, f.mapping);
  const c = coverageOn(f.units, f.mapping, f.facts, f.reports, today);
  const lastReport = reports[0]?.report_date ?? null;
  const adopted = new Set(adoptions.filter((a) => a.unit_id === unitId).map((a) => a.measure_id));
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind, type: unit.type, area, counted: area !== null && unit.kind === 'unit' },
    today,
    canAct: policy.actForUnit(ctx.actor, unitId),
    hasPlan: c.plan.has(unitId),
    hasActive: c.active.has(unitId),
    lastReport,
    reportDueBy: lastReport && lastReport > yearBefore(today) ? `${Number(lastReport.slice(0, 4)) + 1}${lastReport.slice(4)}` : null,
    adoptions: adoptions.map((a) => presentAdoption(a, events.filter((e) => e.adoption_id === a.id), reports.filter((r) => r.adoption_id === a.id), byMeasure.get(a.measure_id), f.byId.get(a.unit_id)?.name ?? '')),
    available: measures.filter((m) => !m.retired_on && !adopted.has(m.id) && (area === null || parseList(m.areas).includes(area))).map(presentMeasure),
  };
}

export interface AdoptBody {
  unitId: string;
  measureId: string;
  adoptedOn: string;
  status: string;
  note?: string | null;
}

/** A unit adopts a measure (planned or active from a date). Its manager or a services editor. */
export async function adoptMeasure(ctx: Ctx, deps: ServicesDeps, input: AdoptBody): Promise<AdoptionView> {
  if (!policy.readInternal(ctx.actor) || !policy.actForUnit(ctx.actor, input.unitId)) throw AppError.forbidden('Du kan bare ta i bruk tiltak for din egen enhet');
  const today = osloToday(ctx);
  const repo = servicesRepository(ctx.scope);
  const issues: ErrorDetail[] = [];
  const unit = await organisationsRepository(ctx.scope).unitById(input.unitId);
  if (!unit) issues.push({ field: 'unitId', message: 'Enheten finnes ikke' });
  const measure = await repo.measureById(input.measureId);
  if (!measure) issues.push({ field: 'measureId', message: 'Tiltaket finnes ikke i katalogen' });
  else if (measure.retired_on) issues.push({ field: 'measureId', message: `Tiltaket «${measure.title_nb}» er tatt ut av katalogen og kan ikke tas i bruk` });
  if (input.status !== 'planned' && input.status !== 'active') issues.push({ field: 'status', message: 'Et nytt tiltak er enten planlagt eller aktivt' });
  if (!isIsoDate(input.adoptedOn)) issues.push({ field: 'adoptedOn', message: 'Skriv datoen som åååå-mm-dd' });
  else if (input.adoptedOn > today) issues.push({ field: 'adoptedOn', message: 'Datoen kan ikke være etter i dag; et tiltak som starter senere, registreres som planlagt fra i dag' });
  if ((input.note ?? '').trim().length > 1000) issues.push({ field: 'note', message: 'Merknaden kan være høyst 1000 tegn' });
  if (unit && measure && (await repo.adoptionOf(unit.id, measure.id))) issues.push({ field: 'measureId', message: `${unit.name} har allerede tatt i bruk «${measure.title_nb}»; endre statusen på det i stedet` });
  if (issues.length) throw AppError.validation('Tiltaket kunne ikke tas i bruk', issues);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const label = actorLabel(ctx.actor);
    const row = { id: newId(), unit_id: unit!.id, measure_id: measure!.id, adopted_on: input.adoptedOn, status: input.status, note: input.note?.trim() || null, created_by_label: label, created_at: at, updated_at: at };
    const event = { id: newId(), adoption_id: row.id, date: input.adoptedOn, status: input.status, seq: 1, note: null, created_by_label: label, created_at: at };
    const r = servicesRepository(scope);
    await r.insertAdoptions([row]);
    await r.insertEvents([event]);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'svc_adoption', entityId: row.id, summary: `${unit!.name} tok i bruk «${measure!.title_nb}» (${ADOPTION_STATUS_NB[input.status as AdoptionStatus]} fra ${input.adoptedOn})`, before: null, after: { status: row.status, adoptedOn: row.adopted_on, measureId: row.measure_id } });
    return presentAdoption({ ...row, municipality_id: scope.municipalityId }, [{ ...event, municipality_id: scope.municipalityId }], [], measure, unit!.name);
  });
}

async function adoptionFor(ctx: Ctx, id: string) {
  const a = await servicesRepository(ctx.scope).adoptionById(id);
  if (!a) throw AppError.notFound('Tiltaket hos enheten');
  if (!policy.readInternal(ctx.actor) || !policy.actForUnit(ctx.actor, a.unit_id)) throw AppError.forbidden('Du kan bare rapportere og endre status for din egen enhet');
  return a;
}

/** Changes an adoption's status from a date (active ↔ paused, → ended). Its unit's manager or a services editor. */
export async function changeAdoptionStatus(ctx: Ctx, deps: ServicesDeps, id: string, input: { status: string; date: string; note?: string | null }): Promise<AdoptionView> {
  const a = await adoptionFor(ctx, id);
  const repo = servicesRepository(ctx.scope);
  const events = await repo.events([id]);
  const issues: ErrorDetail[] = validateStatusChange(events.map((e) => ({ date: e.date, status: e.status as AdoptionStatus })), input.status, input.date, osloToday(ctx));
  if ((input.note ?? '').trim().length > 1000) issues.push({ field: 'note', message: 'Merknaden kan være høyst 1000 tegn' });
  if (issues.length) throw AppError.validation('Statusen kunne ikke endres', issues);
  return ctx.scope.transaction(async (scope) => {
    const r = servicesRepository(scope);
    const at = nowIso(ctx);
    const event = { id: newId(), adoption_id: id, date: input.date, status: input.status, seq: (events.at(-1)?.seq ?? 0) + 1, note: input.note?.trim() || null, created_by_label: actorLabel(ctx.actor), created_at: at };
    await r.insertEvents([event]);
    await r.updateAdoption(id, { status: input.status, updated_at: at });
    const [measure, unit, reports] = await Promise.all([r.measureById(a.measure_id), organisationsRepository(scope).unitById(a.unit_id), r.reports({ adoptionId: id })]);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'svc_adoption', entityId: id, summary: `«${measure?.title_nb ?? ''}» hos ${unit?.name ?? ''}: ${ADOPTION_STATUS_NB[a.status as AdoptionStatus]} → ${ADOPTION_STATUS_NB[input.status as AdoptionStatus]} fra ${input.date}`, before: { status: a.status }, after: { status: input.status, date: input.date } });
    return presentAdoption({ ...a, status: input.status, updated_at: at }, [...events, { ...event, municipality_id: scope.municipalityId }], reports, measure, unit?.name ?? '');
  });
}

export interface ReportBody {
  date: string;
  text: string;
  /** A number, or text as typed ("1 200"); text that is no number is refused with the field named. */
  participants?: number | string | null;
  meals?: number | string | null;
  fileId?: string | null;
}

/** A figure as typed: empty → null; spaces and a decimal comma allowed; anything else → NaN (refused by the check). */
const figure = (v: number | string | null | undefined): number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  const s = v.replace(/\s/g, '').replace(',', '.');
  return s === '' ? null : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
};

/** A unit's own short report on an adopted measure (with figures and an uploaded file if any). */
export async function addReport(ctx: Ctx, deps: ServicesDeps, adoptionId: string, input: ReportBody) {
  const a = await adoptionFor(ctx, adoptionId);
  const participants = figure(input.participants);
  const meals = figure(input.meals);
  const issues: ErrorDetail[] = validateServiceReport({ date: input.date, text: input.text, participants, meals }, osloToday(ctx), a.adopted_on);
  if (input.fileId) {
    const file = await ctx.scope.selectFrom('stored_file').select(['id', 'domain', 'owner_unit_id']).where('id', '=', input.fileId).executeTakeFirst();
    if (!file) issues.push({ field: 'fileId', message: 'Vedlegget finnes ikke; last det opp på nytt' });
    else if (file.owner_unit_id !== a.unit_id) issues.push({ field: 'fileId', message: 'Vedlegget hører til en annen enhet' });
  }
  if (issues.length) throw AppError.validation('Rapporten kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const row = { id: newId(), adoption_id: adoptionId, unit_id: a.unit_id, report_date: input.date, text: input.text.trim(), participants, meals, file_id: input.fileId ?? null, created_by_label: actorLabel(ctx.actor), created_at: nowIso(ctx) };
    await servicesRepository(scope).insertReports([row]);
    const [measure, unit] = await Promise.all([servicesRepository(scope).measureById(a.measure_id), organisationsRepository(scope).unitById(a.unit_id)]);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'svc_report', entityId: row.id, summary: `Rapport fra ${unit?.name ?? ''} om «${measure?.title_nb ?? ''}» (${row.report_date})`, before: null, after: { date: row.report_date, participants: row.participants, meals: row.meals } });
    return presentReport({ ...row, municipality_id: scope.municipalityId });
  });
}

/** Sets the service area a unit counts in, whatever its type (area null: in none; useType: back to its type's area). Services editors. */
export async function setUnitArea(ctx: Ctx, deps: ServicesDeps, unitId: string, input: { area: string | null; useType?: boolean }) {
  if (!policy.isEditor(ctx.actor)) throw AppError.forbidden('Bare redaktører for tjenester kan endre tjenesteområdet til en enhet');
  const unit = await organisationsRepository(ctx.scope).unitById(unitId);
  if (!unit) throw AppError.notFound('Enheten');
  if (!input.useType && input.area !== null && !deps.reference.areas.some((a) => a.key === input.area)) throw AppError.validation('Tjenesteområdet kunne ikke settes', [{ field: 'area', message: `Ukjent tjenesteområde: ${input.area}` }]);
  const repo = servicesRepository(ctx.scope);
  const before = await repo.unitAreaOf(unitId);
  return ctx.scope.transaction(async (scope) => {
    const r = servicesRepository(scope);
    const at = nowIso(ctx);
    if (input.useType) await r.deleteUnitArea(unitId);
    else if (before) await r.updateUnitArea(unitId, input.area, at);
    else await r.insertUnitAreas([{ id: newId(), unit_id: unitId, area_key: input.area, updated_at: at }]);
    const area = input.useType ? areaOfUnit({ key: unit.key, type: unit.type }, { areas: deps.reference.areas }) : input.area;
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'org_unit', entityId: unitId, summary: `${unit.name} telles i tjenesteområdet ${area ?? '(ingen)'}`, before: { serviceArea: before ? before.area_key : 'type' }, after: { serviceArea: input.useType ? 'type' : input.area } });
    return { unitId, area, byType: Boolean(input.useType) };
  });
}

/**
 * The coverage picture on a date: per service area and indicator group, the units with an active
 * measure and with sustainability in their plan (PLAN_RULE_NB); the same on 31 December of each
 * year from the first adoption; units × measures; and the units without an active measure.
 */
export async function coverage(ctx: Ctx, deps: ServicesDeps, asOf?: string) {
  if (!policy.readInternal(ctx.actor)) throw AppError.forbidden();
  if (asOf !== undefined && !isIsoDate(asOf)) throw AppError.validation('Ugyldig dato', [{ field: 'date', message: 'Skriv datoen som åååå-mm-dd' }]);
  const date = asOf ?? osloToday(ctx);
  const [f, measures] = await Promise.all([loadFacts(ctx, deps), servicesRepository(ctx.scope).measures()]);
  const now = coverageOn(f.units, f.mapping, f.facts, f.reports, date);
  const first = f.facts.flatMap((a) => a.events.map((e) => e.date)).sort()[0];
  const thisYear = Number(date.slice(0, 4));
  const firstYear = first ? Math.min(Number(first.slice(0, 4)), thisYear) : thisYear;
  const series = Array.from({ length: thisYear - firstYear + 1 }, (_, i) => firstYear + i).map((year) => {
    const d = year === thisYear ? date : `${year}-12-31`;
    const c = coverageOn(f.units, f.mapping, f.facts, f.reports, d);
    return { year, date: d, partial: year === thisYear && date.slice(5) !== '12-31', areas: c.areas, groups: c.groups };
  });
  const eligible = eligibleUnits(f.units, f.mapping);
  const cells = adoptionMatrix(f.units, f.facts, date);
  const used = measures.filter((m) => !m.retired_on || [...cells.values()].some((row) => row.has(m.id)));
  const order = new Map(deps.reference.areas.map((a, i) => [a.key, i]));
  const matrix = {
    measures: used.map((m) => ({ id: m.id, titleNb: m.title_nb, titleEn: m.title_en, areas: parseList(m.areas) })),
    units: eligible
      .sort((a, b) => order.get(a.area)! - order.get(b.area)! || a.unit.name.localeCompare(b.unit.name, 'nb'))
      .map((e) => ({ id: e.unit.id, name: e.unit.name, area: e.area, hasPlan: now.plan.has(e.unit.id), cells: Object.fromEntries(cells.get(e.unit.id) ?? new Map()) })),
  };
  const without = unitsWithoutActive(f.units, f.mapping, f.facts, date).map((w) => ({ id: w.unit.id, name: w.unit.name, area: w.area, hasAny: w.hasAny }));
  return { asOf: date, planRule: { nb: PLAN_RULE_NB, en: PLAN_RULE_EN }, areas: now.areas, groups: now.groups, series, matrix, without };
}
export type CoverageView = Awaited<ReturnType<typeof coverage>>;
