import {
  CONTRACT_KINDS,
  ENGAGEMENT_KINDS,
  formatOrgNumber,
  clusterMemberOn,
  normaliseOrgNumber,
  clusterQuarters,
  engagementRunsIn,
  VENTURE_SDG_COUNT,
  suggestClusterMembers,
  validateEngagement,
  validateClusterEvent,
  validateClusterMember,
  validateClusterProject,
  validateVenture,
  validateYouthCompany,
  VENTURE_KINDS,
  YOUTH_OUTCOMES,
  contractSpendInYear,
  contractsAtYearEnd,
  greenSupportedInYear,
  youthCompaniesByYear,
  type EngagementFacts,
  type EngagementKind,
  type VentureKind,
} from '@omstilling/core';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { osloToday } from '../foodwaste/foodwaste.service.js';
import { registerRepository, type EngagementRow, type MemberRow, type ProjectRow, type VentureRow, type YouthRow } from './enterprise-register.repository.js';
import { enterprisePolicy as policy } from './enterprise.policy.js';
import type { EnterpriseReference } from './enterprise.reference.js';

/** What the register services need besides the context: the themes and mapping, and SN2007 names. */
export interface RegisterDeps {
  reference: EnterpriseReference;
  industryNames: ReadonlyMap<string, string>;
}

const ore = (nok: number) => Math.round(nok * 100);
const nok = (o: number | null) => (o === null || o === undefined ? null : Number(o) / 100);
const ids = (json: string) => JSON.parse(json) as string[];
const page = (q: { limit?: number; offset?: number }) => ({ limit: Math.min(Math.max(q.limit ?? 25, 1), 200), offset: Math.max(q.offset ?? 0, 0) });

function requireEdit(ctx: Ctx) {
  if (!policy.editRegister(ctx.actor)) throw AppError.forbidden();
}
function requireRead(ctx: Ctx) {
  if (!policy.readRegister(ctx.actor)) throw AppError.forbidden();
}

/** Kinds, ways of working, outcomes, themes, schools, tenders and granted applications for the forms (staff). */
export async function registerOptions(ctx: Ctx, deps: RegisterDeps) {
  requireRead(ctx);
  const repo = registerRepository(ctx.scope);
  const [schools, tenders, granted, orgs] = await Promise.all([repo.schools(), repo.tenders(), repo.grantedApplications(), repo.organisations()]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return {
    ventureKinds: [...VENTURE_KINDS],
    engagementKinds: [...ENGAGEMENT_KINDS],
    contractKinds: [...CONTRACT_KINDS],
    youthOutcomes: [...YOUTH_OUTCOMES],
    sdgCount: VENTURE_SDG_COUNT,
    themes: deps.reference.themes,
    schools,
    tenders: tenders.map((t) => ({ id: t.id, reference: t.reference, title: t.title, status: t.status })),
    grantedApplications: granted.map((a) => ({ id: a.id, title: a.title, organisation: names.get(a.organisation_id) ?? '', organisationId: a.organisation_id, grantedNok: nok(a.granted_ore), decidedAt: a.decided_at })),
    organisations: orgs.map((o) => ({ id: o.id, name: o.name, orgNumber: o.org_number })),
    today: osloToday(ctx),
  };
}

// ---------- the register of social enterprises and green start-ups ----------

function presentEngagement(e: EngagementRow, tenders: Map<string, { reference: string; title: string }>, apps: Map<string, string>) {
  const t = e.tender_id ? tenders.get(e.tender_id) : undefined;
  return { id: e.id, ventureId: e.venture_id, kind: e.kind as EngagementKind, title: e.title, startDate: e.start_date, endDate: e.end_date, valueNok: nok(e.value_ore), tenderId: e.tender_id, tender: t ? `${t.reference} ${t.title}` : null, applicationId: e.application_id, application: e.application_id ? (apps.get(e.application_id) ?? null) : null, note: e.note, createdBy: e.created_by_label };
}
export type EngagementView = ReturnType<typeof presentEngagement>;

function presentVenture(v: VentureRow) {
  return { id: v.id, organisationId: v.organisation_id, orgNumber: v.org_number, name: v.name, kind: v.kind as VentureKind, activity: v.activity, impactArea: v.impact_area, sdgs: JSON.parse(v.sdgs) as number[], updatedAt: v.updated_at };
}
export type VentureView = ReturnType<typeof presentVenture>;

async function lookups(ctx: Ctx) {
  const repo = registerRepository(ctx.scope);
  const [tenders, apps] = await Promise.all([repo.tenders(), repo.grantedApplications()]);
  return { tenders: new Map(tenders.map((t) => [t.id, t])), apps: new Map(apps.map((a) => [a.id, a.title])) };
}

/** Ventures, by name, filtered and paged, each with its number of ways of working (staff). */
export async function listVentures(ctx: Ctx, q: { kind?: string; q?: string; limit?: number; offset?: number }) {
  requireRead(ctx);
  const repo = registerRepository(ctx.scope);
  const { limit, offset } = page(q);
  const p = await repo.venturePage({ kind: q.kind, q: q.q?.trim() || undefined }, limit, offset);
  const es = await repo.engagements(p.rows.map((r) => r.id));
  return { total: p.total, limit, offset, items: p.rows.map((v) => ({ ...presentVenture(v), engagements: es.filter((e) => e.venture_id === v.id).length, contracts: es.filter((e) => e.venture_id === v.id && CONTRACT_KINDS.includes(e.kind as EngagementKind)).length })) };
}

/** One venture with its ways of working (staff). */
export async function getVenture(ctx: Ctx, id: string) {
  requireRead(ctx);
  const repo = registerRepository(ctx.scope);
  const v = await repo.ventureById(id);
  if (!v) throw AppError.notFound('Virksomheten');
  const [es, l] = await Promise.all([repo.engagements([id]), lookups(ctx)]);
  return { ...presentVenture(v), engagements: es.map((e) => presentEngagement(e, l.tenders, l.apps)) };
}

export interface VentureBody {
  name: string;
  orgNumber?: string | null;
  kind: string;
  activity: string;
  impactArea: string;
  sdgs: number[];
}

async function checkVenture(ctx: Ctx, input: VentureBody, selfId: string | null) {
  const issues = validateVenture(input);
  const repo = registerRepository(ctx.scope);
  const nr = input.orgNumber?.trim() ? normaliseOrgNumber(input.orgNumber) : null;
  if (nr && !issues.some((i) => i.field === 'orgNumber')) {
    const other = await repo.ventureByOrgNumber(nr);
    if (other && other.id !== selfId) issues.push({ field: 'orgNumber', message: `${formatOrgNumber(nr)} er allerede i registeret som «${other.name}»` });
  }
  if (!nr && input.name.trim()) {
    const other = await repo.ventureByName(input.name.trim());
    if (other && other.id !== selfId) issues.push({ field: 'name', message: `«${other.name}» er allerede i registeret` });
  }
  if (issues.length) throw AppError.validation('Virksomheten kunne ikke lagres', issues);
  const org = nr && !issues.length ? await repo.organisationByNumber(nr) : undefined;
  return { nr, organisationId: org?.id ?? null };
}

/** Registers a social enterprise or green start-up (enterprise editors); linked to the organisations register by org. number when it is there. */
export async function createVenture(ctx: Ctx, input: VentureBody): Promise<VentureView> {
  requireEdit(ctx);
  const { nr, organisationId } = await checkVenture(ctx, input, null);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), organisation_id: organisationId, org_number: nr, name: input.name.trim(), kind: input.kind, activity: input.activity.trim(), impact_area: input.impactArea.trim(), sdgs: JSON.stringify([...input.sdgs].sort((a, b) => a - b)), created_by_label: actorLabel(ctx.actor), created_at: at, updated_at: at };
    await registerRepository(scope).insertVenture(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'ent_venture', entityId: row.id, summary: `«${row.name}» lagt til i registeret over sosiale entreprenører og grønne gründere`, before: null, after: { name: row.name, kind: row.kind, orgNumber: nr } });
    return presentVenture({ ...row, municipality_id: scope.municipalityId });
  });
}

/** Changes a venture (enterprise editors). */
export async function updateVenture(ctx: Ctx, id: string, input: VentureBody): Promise<VentureView> {
  requireEdit(ctx);
  const before = await registerRepository(ctx.scope).ventureById(id);
  if (!before) throw AppError.notFound('Virksomheten');
  const { nr, organisationId } = await checkVenture(ctx, input, id);
  return ctx.scope.transaction(async (scope) => {
    const set = { organisation_id: organisationId, org_number: nr, name: input.name.trim(), kind: input.kind, activity: input.activity.trim(), impact_area: input.impactArea.trim(), sdgs: JSON.stringify([...input.sdgs].sort((a, b) => a - b)), updated_at: nowIso(ctx) };
    await registerRepository(scope).updateVenture(id, set);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'ent_venture', entityId: id, summary: `«${set.name}» endret i registeret`, before: { name: before.name, kind: before.kind, orgNumber: before.org_number }, after: { name: set.name, kind: set.kind, orgNumber: nr } });
    return presentVenture({ ...before, ...set });
  });
}

export interface EngagementBody {
  kind: string;
  title: string;
  startDate: string;
  endDate?: string | null;
  valueNok?: number | null;
  tenderId?: string | null;
  applicationId?: string | null;
  note?: string | null;
}

/**
 * Records a way of working with a venture (enterprise editors): a contract optionally linked to a
 * procurement tender, a grant linked to a granted application of a grant round (of this venture's
 * organisation, once), or a pilot. Nothing is saved when anything is wrong.
 */
export async function addEngagement(ctx: Ctx, ventureId: string, input: EngagementBody): Promise<EngagementView> {
  requireEdit(ctx);
  const repo = registerRepository(ctx.scope);
  const v = await repo.ventureById(ventureId);
  if (!v) throw AppError.notFound('Virksomheten');
  const issues = validateEngagement(input);
  let valueNok = input.valueNok ?? null;
  if (input.tenderId && !issues.some((i) => i.field === 'tenderId') && !(await repo.tenderById(input.tenderId))) issues.push({ field: 'tenderId', message: 'Konkurransen finnes ikke' });
  if (input.applicationId && !issues.some((i) => i.field === 'applicationId')) {
    const app = (await repo.grantedApplications()).find((a) => a.id === input.applicationId);
    if (!app) issues.push({ field: 'applicationId', message: 'Søknaden finnes ikke eller er ikke innvilget' });
    else if (v.organisation_id && app.organisation_id !== v.organisation_id) issues.push({ field: 'applicationId', message: 'Søknaden er fra en annen virksomhet' });
    else if (await repo.engagementByApplication(app.id)) issues.push({ field: 'applicationId', message: 'Tilskuddet er allerede registrert' });
    else if (valueNok === null) valueNok = nok(app.granted_ore);
  }
  if (issues.length) throw AppError.validation('Samarbeidet kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), venture_id: ventureId, kind: input.kind, title: input.title.trim(), start_date: input.startDate, end_date: input.endDate || null, value_ore: valueNok === null ? null : ore(valueNok), tender_id: input.tenderId || null, application_id: input.applicationId || null, note: input.note?.trim() || null, created_by_label: actorLabel(ctx.actor), created_at: at, updated_at: at };
    await registerRepository(scope).insertEngagement(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'ent_engagement', entityId: row.id, summary: `${input.kind} «${row.title}» med «${v.name}»`, before: null, after: { kind: input.kind, valueNok, startDate: row.start_date, endDate: row.end_date } });
    const l = await lookups({ ...ctx, scope });
    return presentEngagement({ ...row, municipality_id: scope.municipalityId }, l.tenders, l.apps);
  });
}

// ---------- youth companies ----------

function presentYouth(c: YouthRow, units: Map<string, string>) {
  return { id: c.id, name: c.name, schoolUnitId: c.school_unit_id, school: c.school_unit_id ? (units.get(c.school_unit_id) ?? '') : (c.school_name ?? ''), schoolName: c.school_name, year: Number(c.year), idea: c.idea, participants: Number(c.participants), outcome: c.outcome, orgNumber: c.org_number, prize: c.prize, support: c.support, supportNok: nok(c.support_ore), updatedAt: c.updated_at };
}
export type YouthView = ReturnType<typeof presentYouth>;

async function schoolNames(ctx: Ctx) {
  return new Map((await registerRepository(ctx.scope).schools()).map((s) => [s.id, s.name]));
}

/** Youth companies, newest year first, paged; with the count per year (staff). */
export async function listYouth(ctx: Ctx, q: { year?: number; limit?: number; offset?: number }) {
  requireRead(ctx);
  const repo = registerRepository(ctx.scope);
  const { limit, offset } = page(q);
  const [p, units, all] = await Promise.all([repo.youthPage({ year: q.year }, limit, offset), schoolNames(ctx), repo.allYouth()]);
  const years = [...new Set(all.map((c) => Number(c.year)))].sort((a, b) => a - b);
  const perYear = years.map((year) => {
    const cs = all.filter((c) => Number(c.year) === year);
    return { year, count: cs.length, participants: cs.reduce((s, c) => s + Number(c.participants), 0), continued: cs.filter((c) => c.outcome === 'continued').length, supportNok: cs.reduce((s, c) => s + (nok(c.support_ore) ?? 0), 0) };
  });
  return { total: p.total, limit, offset, items: p.rows.map((c) => presentYouth(c, units)), perYear };
}

export interface YouthBody {
  name: string;
  schoolUnitId?: string | null;
  schoolName?: string | null;
  year: number;
  idea: string;
  participants: number;
  outcome: string;
  orgNumber?: string | null;
  prize?: string | null;
  support: string;
  supportNok?: number | null;
}

async function checkYouth(ctx: Ctx, input: YouthBody, selfId: string | null) {
  const issues = validateYouthCompany(input, Number(osloToday(ctx).slice(0, 4)));
  const repo = registerRepository(ctx.scope);
  if (input.schoolUnitId && !issues.some((i) => i.field === 'school')) {
    const u = await repo.unitById(input.schoolUnitId);
    if (!u) issues.push({ field: 'school', message: 'Skolen finnes ikke blant kommunens enheter' });
  }
  if (input.name.trim() && Number.isInteger(input.year)) {
    const other = await repo.youthByYearName(input.year, input.name.trim());
    if (other && other.id !== selfId) issues.push({ field: 'name', message: `«${other.name}» er allerede registrert for ${input.year}; samme bedrift kan ikke telles to ganger` });
  }
  if (issues.length) throw AppError.validation('Elevbedriften kunne ikke lagres', issues);
}

const youthRow = (input: YouthBody) => ({ name: input.name.trim(), school_unit_id: input.schoolUnitId || null, school_name: input.schoolUnitId ? null : input.schoolName?.trim() || null, year: input.year, idea: input.idea.trim(), participants: input.participants, outcome: input.outcome, org_number: input.orgNumber?.trim() ? normaliseOrgNumber(input.orgNumber) : null, prize: input.outcome === 'prize' || input.prize?.trim() ? input.prize?.trim() || null : null, support: input.support.trim(), support_ore: input.supportNok === null || input.supportNok === undefined ? null : ore(input.supportNok) });

/** Registers a pupil or youth company (enterprise editors); the same name twice in a year is refused. */
export async function createYouth(ctx: Ctx, input: YouthBody): Promise<YouthView> {
  requireEdit(ctx);
  await checkYouth(ctx, input, null);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), ...youthRow(input), created_by_label: actorLabel(ctx.actor), created_at: at, updated_at: at };
    await registerRepository(scope).insertYouth([row]);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'ent_youth_company', entityId: row.id, summary: `Elevbedrift «${row.name}» (${row.year}) registrert`, before: null, after: { year: row.year, outcome: row.outcome } });
    return presentYouth({ ...row, municipality_id: scope.municipalityId }, await schoolNames({ ...ctx, scope }));
  });
}

/** Changes a youth company, e.g. its outcome at the end of the school year (enterprise editors). */
export async function updateYouth(ctx: Ctx, id: string, input: YouthBody): Promise<YouthView> {
  requireEdit(ctx);
  const before = await registerRepository(ctx.scope).youthById(id);
  if (!before) throw AppError.notFound('Elevbedriften');
  await checkYouth(ctx, input, id);
  return ctx.scope.transaction(async (scope) => {
    const set = { ...youthRow(input), updated_at: nowIso(ctx) };
    await registerRepository(scope).updateYouth(id, set);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'ent_youth_company', entityId: id, summary: `Elevbedrift «${set.name}» endret`, before: { year: Number(before.year), outcome: before.outcome }, after: { year: set.year, outcome: set.outcome } });
    return presentYouth({ ...before, ...set }, await schoolNames({ ...ctx, scope }));
  });
}

// ---------- the green cluster ----------

const themeName = (deps: RegisterDeps, key: string) => deps.reference.themes.find((t) => t.key === key) ?? { key, nb: key, en: key };
const industryOf = (deps: RegisterDeps, code: string | null) => (code ? { code, name: deps.industryNames.get(code) ?? null } : null);

/** Organisation kinds that are companies (suggested for the cluster); NGOs and public bodies join on their own initiative. */
const COMPANY_KINDS = ['business', 'shop', 'hotel', 'farm', 'social_enterprise'];

/** The cluster for its administrators: members (current and former), events, projects and the suggestion list (staff). */
export async function clusterAdmin(ctx: Ctx, deps: RegisterDeps) {
  requireRead(ctx);
  const repo = registerRepository(ctx.scope);
  const [members, events, projects, orgs] = await Promise.all([repo.members(), repo.events(), repo.projects(), repo.organisations()]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const today = osloToday(ctx);
  const name = (id: string) => byId.get(id)?.name ?? '';
  const current = members.filter((m) => clusterMemberOn({ joinedOn: m.joined_on, leftOn: m.left_on }, today));
  const candidates = orgs.filter((o) => COMPANY_KINDS.includes(o.kind)).map((o) => ({ id: o.id, name: o.name, industryCode: o.industry_code, employees: o.employees === null ? null : Number(o.employees), orgNumber: o.org_number, place: o.place }));
  const suggestions = suggestClusterMembers(candidates, new Set(current.map((m) => m.organisation_id)), deps.reference.rules).slice(0, 50);
  return {
    today,
    themes: deps.reference.themes,
    members: members.map((m) => ({ ...presentMember(m, deps, byId), current: clusterMemberOn({ joinedOn: m.joined_on, leftOn: m.left_on }, today) })),
    events: events.map((e) => ({ id: e.id, title: e.title, date: e.date, place: e.place, description: e.description, participants: ids(e.participant_ids).map((id) => ({ id, name: name(id) })) })),
    projects: projects.map((p) => presentProject(p, deps, name)),
    suggestions: suggestions.map((s) => ({ organisationId: s.id, name: s.name, orgNumber: s.orgNumber, place: s.place, employees: s.employees, industry: industryOf(deps, s.industryCode), theme: themeName(deps, s.theme), rationale: s.rule.rationale, rulePrefix: s.rule.prefix })),
  };
}

function presentMember(m: MemberRow, deps: RegisterDeps, orgs: Map<string, { name: string; industry_code: string | null; org_number: string; website: string | null }>) {
  const o = orgs.get(m.organisation_id);
  return { id: m.id, organisationId: m.organisation_id, name: o?.name ?? '', orgNumber: o?.org_number ?? '', website: o?.website ?? null, industry: industryOf(deps, o?.industry_code ?? null), theme: themeName(deps, m.theme), joinedOn: m.joined_on, leftOn: m.left_on, description: m.description };
}

function presentProject(p: ProjectRow, deps: RegisterDeps, name: (id: string) => string) {
  return { id: p.id, title: p.title, description: p.description, theme: themeName(deps, p.theme), startDate: p.start_date, endDate: p.end_date, members: ids(p.member_ids).map((id) => ({ id, name: name(id) })) };
}

export interface MemberBody {
  organisationId: string;
  theme: string;
  joinedOn: string;
  leftOn?: string | null;
  description: string;
}

/** Adds a member from the organisations register (enterprise editors); an organisation is a member once. */
export async function addMember(ctx: Ctx, deps: RegisterDeps, input: MemberBody) {
  requireEdit(ctx);
  const repo = registerRepository(ctx.scope);
  const issues = validateClusterMember(input, deps.reference.themes);
  const org = input.organisationId ? await repo.organisationById(input.organisationId) : undefined;
  if (input.organisationId && !org) issues.push({ field: 'organisationId', message: 'Virksomheten finnes ikke i organisasjonsregisteret' });
  if (org && (await repo.memberByOrganisation(org.id))) issues.push({ field: 'organisationId', message: `«${org.name}» er allerede medlem (eller har vært det); endre medlemskapet i stedet` });
  if (issues.length) throw AppError.validation('Medlemmet kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), organisation_id: org!.id, theme: input.theme, joined_on: input.joinedOn, left_on: input.leftOn || null, description: input.description.trim(), created_by_label: actorLabel(ctx.actor), created_at: at, updated_at: at };
    await registerRepository(scope).insertMember(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'ent_cluster_member', entityId: row.id, summary: `«${org!.name}» meldt inn i klyngen`, before: null, after: { theme: row.theme, joinedOn: row.joined_on } });
    return { id: row.id, organisationId: row.organisation_id, name: org!.name, theme: themeName(deps, row.theme), joinedOn: row.joined_on, leftOn: row.left_on, description: row.description };
  });
}

/** Changes a membership: theme, description, or the date the member left (enterprise editors). */
export async function updateMember(ctx: Ctx, deps: RegisterDeps, id: string, input: Omit<MemberBody, 'organisationId'>) {
  requireEdit(ctx);
  const repo = registerRepository(ctx.scope);
  const before = await repo.memberById(id);
  if (!before) throw AppError.notFound('Medlemmet');
  const issues = validateClusterMember({ ...input, organisationId: before.organisation_id }, deps.reference.themes);
  if (issues.length) throw AppError.validation('Medlemskapet kunne ikke lagres', issues);
  const org = await repo.organisationById(before.organisation_id);
  return ctx.scope.transaction(async (scope) => {
    const set = { theme: input.theme, joined_on: input.joinedOn, left_on: input.leftOn || null, description: input.description.trim(), updated_at: nowIso(ctx) };
    await registerRepository(scope).updateMember(id, set);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'ent_cluster_member', entityId: id, summary: set.left_on && !before.left_on ? `«${org?.name ?? ''}» meldt ut av klyngen` : `Medlemskapet til «${org?.name ?? ''}» endret`, before: { theme: before.theme, leftOn: before.left_on }, after: { theme: set.theme, leftOn: set.left_on } });
    return { id, organisationId: before.organisation_id, name: org?.name ?? '', theme: themeName(deps, set.theme), joinedOn: set.joined_on, leftOn: set.left_on, description: set.description };
  });
}

/** Organisation ids of the members on a date. */
async function memberIdsOn(ctx: Ctx, date: string) {
  return new Set((await registerRepository(ctx.scope).members()).filter((m) => clusterMemberOn({ joinedOn: m.joined_on, leftOn: m.left_on }, date)).map((m) => m.organisation_id));
}

export interface EventBody {
  title: string;
  date: string;
  place?: string | null;
  description?: string;
  participantIds: string[];
}

/** Records an event with the member organisations that attended (members on that date; enterprise editors). */
export async function addEvent(ctx: Ctx, input: EventBody) {
  requireEdit(ctx);
  const issues = validateClusterEvent(input, await memberIdsOn(ctx, /^\d{4}-\d{2}-\d{2}$/.test(input.date) ? input.date : osloToday(ctx)));
  if (issues.length) throw AppError.validation('Arrangementet kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const row = { id: newId(), title: input.title.trim(), date: input.date, place: input.place?.trim() || null, description: input.description?.trim() ?? '', participant_ids: JSON.stringify(input.participantIds), created_by_label: actorLabel(ctx.actor), created_at: nowIso(ctx) };
    await registerRepository(scope).insertEvent(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'ent_cluster_event', entityId: row.id, summary: `Klyngearrangement «${row.title}» ${row.date} (${input.participantIds.length} deltakere)`, before: null, after: { date: row.date, participants: input.participantIds.length } });
    return { id: row.id, title: row.title, date: row.date, place: row.place, participants: input.participantIds.length };
  });
}

export interface ProjectBody {
  title: string;
  description: string;
  theme: string;
  startDate: string;
  endDate?: string | null;
  memberIds: string[];
}

/** Records a collaboration project between two or more members (members at its start; enterprise editors). */
export async function addProject(ctx: Ctx, deps: RegisterDeps, input: ProjectBody) {
  requireEdit(ctx);
  const issues = validateClusterProject(input, deps.reference.themes, await memberIdsOn(ctx, /^\d{4}-\d{2}-\d{2}$/.test(input.startDate) ? input.startDate : osloToday(ctx)));
  if (issues.length) throw AppError.validation('Prosjektet kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), title: input.title.trim(), description: input.description.trim(), theme: input.theme, start_date: input.startDate, end_date: input.endDate || null, member_ids: JSON.stringify(input.memberIds), created_by_label: actorLabel(ctx.actor), created_at: at, updated_at: at };
    await registerRepository(scope).insertProject(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'ent_cluster_project', entityId: row.id, summary: `Klyngeprosjekt «${row.title}» (${input.memberIds.length} medlemmer)`, before: null, after: { theme: row.theme, members: input.memberIds.length } });
    const names = new Map((await registerRepository(scope).organisations()).map((o) => [o.id, o.name]));
    return presentProject({ ...row, municipality_id: scope.municipalityId }, deps, (id) => names.get(id) ?? '');
  });
}

/**
 * The public directory of the cluster (no login): current members by theme with what they do,
 * their industry and website, and the running collaboration projects. Nothing internal: no
 * ids, no join dates, no employees, no former members, no events, no suggestions.
 */
export async function publicCluster(ctx: Ctx, deps: RegisterDeps) {
  const repo = registerRepository(ctx.scope);
  const [members, projects, orgs] = await Promise.all([repo.members(), repo.projects(), repo.organisations()]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const today = osloToday(ctx);
  const current = members.filter((m) => clusterMemberOn({ joinedOn: m.joined_on, leftOn: m.left_on }, today));
  const currentOrgs = new Set(current.map((m) => m.organisation_id));
  const themes = deps.reference.themes
    .map((t) => ({
      key: t.key,
      nb: t.nb,
      en: t.en,
      members: current
        .filter((m) => m.theme === t.key)
        .map((m) => {
          const o = byId.get(m.organisation_id);
          return { name: o?.name ?? '', description: m.description, industry: industryOf(deps, o?.industry_code ?? null), website: o?.website ?? null, place: o?.place ?? null };
        })
        .sort((a, b) => a.name.localeCompare(b.name, 'nb')),
    }))
    .filter((t) => t.members.length);
  const running = projects.filter((p) => p.start_date <= today && (p.end_date === null || p.end_date >= today));
  return {
    memberCount: current.length,
    themes,
    projects: running.map((p) => ({ title: p.title, description: p.description, theme: themeName(deps, p.theme), startDate: p.start_date, endDate: p.end_date, members: ids(p.member_ids).filter((id) => currentOrgs.has(id)).map((id) => byId.get(id)?.name ?? '') })),
  };
}

// ---------- figures (the program's indicators and the editors' overview) ----------

/** Every engagement as the core figures need it, and each venture's kind. */
export async function registerFacts(ctx: Pick<Ctx, 'scope'>) {
  const repo = registerRepository(ctx.scope);
  const [ventures, es] = await Promise.all([repo.allVentures(), repo.engagements()]);
  const kinds = new Map(ventures.map((v) => [v.id, v.kind as VentureKind]));
  const facts: EngagementFacts[] = es.map((e) => ({ ventureId: e.venture_id, kind: e.kind as EngagementKind, startDate: e.start_date, endDate: e.end_date, valueNok: nok(e.value_ore) }));
  return { facts, kindOf: (id: string) => kinds.get(id) };
}

/** The calendar years from `first` (a date or year) through the last year ended on or before asOf. */
export function yearsThrough(first: string | number | undefined, asOf: string): number[] {
  if (first === undefined) return [];
  const last = Number(asOf.slice(0, 4)) - (asOf.slice(5) >= '12-31' ? 0 : 1);
  const out: number[] = [];
  for (let y = Number(String(first).slice(0, 4)); y <= last; y++) out.push(y);
  return out;
}

/** The yearly figures behind the indicators, computed as the publishers do (staff). */
export async function figures(ctx: Ctx) {
  requireRead(ctx);
  const asOf = osloToday(ctx);
  const { facts, kindOf } = await registerFacts(ctx);
  const repo = registerRepository(ctx.scope);
  const [youth, members, projects] = await Promise.all([repo.allYouth(), repo.members(), repo.projects()]);
  const firstYear = [...facts.map((f) => f.startDate)].sort()[0];
  const years = yearsThrough(firstYear, asOf);
  const youthYears = yearsThrough(youth.map((c) => Number(c.year)).sort()[0], asOf);
  const firstJoin = members.map((m) => m.joined_on).sort()[0];
  return {
    asOf,
    register: years.map((year) => ({ year, contracts: contractsAtYearEnd(facts, year), spendNok: Math.round(contractSpendInYear(facts, year)), greenSupported: greenSupportedInYear(facts, kindOf, year) })),
    youth: youthCompaniesByYear(youth.map((c) => ({ year: Number(c.year) })), youthYears),
    cluster: firstJoin ? clusterQuarters(firstJoin, asOf).map((q) => ({ ...q, members: members.filter((m) => clusterMemberOn({ joinedOn: m.joined_on, leftOn: m.left_on }, q.date)).length })) : [],
    projects: yearsThrough(projects.map((p) => p.start_date).sort()[0], asOf).map((year) => ({ year, running: projects.filter((p) => engagementRunsIn({ startDate: p.start_date, endDate: p.end_date }, year)).length })),
  };
}

