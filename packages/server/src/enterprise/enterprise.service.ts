import { callOpen, rankApplications, validateApplication, validateCall, validateReview, type CallCriterion, type CallInput, type RankedApplication } from '@omstilling/core';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { enterpriseRepository, type ApplicationRow, type CallRow, type ReviewRow } from './enterprise.repository.js';
import { enterprisePolicy as policy } from './enterprise.policy.js';

const ore = (nok: number) => Math.round(nok * 100);
const nok = (o: number | null) => (o === null ? null : Number(o) / 100);
const criteriaOf = (c: CallRow) => JSON.parse(c.criteria) as CallCriterion[];
const callInput = (c: CallRow): CallInput => ({ title: c.title, opensAt: c.opens_at, deadline: c.deadline, budgetNok: nok(c.budget_ore)!, minReviewers: Number(c.min_reviewers), criteria: criteriaOf(c) });

function presentCall(c: CallRow, now: string) {
  const open = callOpen({ opensAt: c.opens_at, deadline: c.deadline }, now);
  return { id: c.id, domain: c.domain, title: c.title, description: c.description, opensAt: c.opens_at, deadline: c.deadline, budgetNok: nok(c.budget_ore)!, minReviewers: Number(c.min_reviewers), criteria: criteriaOf(c), open: open.open, state: now < c.opens_at ? 'upcoming' : open.open ? 'open' : 'closed' };
}
export type CallView = ReturnType<typeof presentCall>;

function presentApplication(a: ApplicationRow, orgName: string) {
  return { id: a.id, callId: a.call_id, organisationId: a.organisation_id, organisation: orgName, title: a.title, summary: a.summary, amountNok: nok(a.amount_ore)!, fileIds: JSON.parse(a.file_ids) as string[], state: a.state, grantedNok: nok(a.granted_ore), decisionNote: a.decision_note, caseNumber: a.case_number, decidedAt: a.decided_at, submittedAt: a.submitted_at };
}
export type ApplicationView = ReturnType<typeof presentApplication>;

/** Calls (of one domain's scheme, or all), newest deadline first; everyone signed in sees them (business users apply to them). */
export async function listCalls(ctx: Ctx, domain?: string) {
  if (!policy.signedIn(ctx.actor)) throw AppError.forbidden();
  const now = nowIso(ctx);
  return (await enterpriseRepository(ctx.scope).calls(domain)).map((c) => presentCall(c, now));
}

export interface CallBody {
  domain?: string;
  title: string;
  description?: string;
  opensAt: string;
  deadline: string;
  budgetNok: number;
  minReviewers: number;
  criteria: CallCriterion[];
}

/** Enterprise editors open a grant round with weighted criteria (weights summing to 100 %). */
export async function createCall(ctx: Ctx, input: CallBody): Promise<CallView> {
  if (!policy.manage(ctx.actor, input.domain)) throw AppError.forbidden();
  const issues = validateCall({ ...input });
  if (issues.length) throw AppError.validation('Utlysningen kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), domain: input.domain ?? 'enterprise', title: input.title.trim(), description: input.description?.trim() ?? '', opens_at: new Date(input.opensAt).toISOString(), deadline: new Date(input.deadline).toISOString(), budget_ore: ore(input.budgetNok), min_reviewers: input.minReviewers, criteria: JSON.stringify(input.criteria), created_by_label: actorLabel(ctx.actor), created_at: at, updated_at: at };
    await enterpriseRepository(scope).insertCall(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'ent_call', entityId: row.id, summary: `Utlysning «${row.title}» opprettet`, before: null, after: { title: row.title, deadline: row.deadline, budgetNok: input.budgetNok } });
    return presentCall({ ...row, municipality_id: scope.municipalityId }, at);
  });
}

/**
 * One call. Everyone signed in sees the call; staff see its applications; a business user sees
 * their own. Enterprise editors also get the ranking (core `rankApplications`) and the reviews,
 * and see whether they themselves have declared a conflict on each application.
 */
export async function getCall(ctx: Ctx, id: string) {
  if (!policy.signedIn(ctx.actor)) throw AppError.forbidden();
  const repo = enterpriseRepository(ctx.scope);
  const c = await repo.callById(id);
  if (!c) throw AppError.notFound('Utlysningen finnes ikke');
  const now = nowIso(ctx);
  const a = ctx.actor;
  const org = a.kind === 'user' && a.role === 'business' ? a.organisationId : null;
  const apps = policy.readAll(a) ? await repo.applications({ callId: id }) : org ? await repo.applications({ callId: id, organisationId: org }) : [];
  const names = new Map((await repo.organisations()).map((o) => [o.id, o.name]));
  const view = { call: presentCall(c, now), applications: apps.map((x) => presentApplication(x, names.get(x.organisation_id) ?? '')), ranking: null as RankedApplication[] | null, reviews: [] as ReturnType<typeof presentReview>[] };
  if (policy.manage(a, c.domain)) {
    const reviews = await repo.reviews(apps.map((x) => x.id));
    view.ranking = rankApplications(callInput(c), apps.map((x) => ({ id: x.id, amountNok: nok(x.amount_ore)! })), reviews.map(reviewOf));
    view.reviews = reviews.map(presentReview);
  }
  return view;
}

const reviewOf = (r: ReviewRow) => ({ applicationId: r.application_id, reviewerId: r.reviewer_id, conflict: Number(r.conflict) === 1, scores: JSON.parse(r.scores) as Record<string, number> });
const presentReview = (r: ReviewRow) => ({ id: r.id, applicationId: r.application_id, reviewerId: r.reviewer_id, reviewer: r.reviewer_label, conflict: Number(r.conflict) === 1, conflictReason: r.conflict_reason, scores: JSON.parse(r.scores) as Record<string, number>, comment: r.comment, updatedAt: r.updated_at });

export interface ApplicationBody {
  /** The applicant: the business user's own organisation, or any for an editor applying on its behalf. */
  organisationId: string;
  title: string;
  summary: string;
  amountNok: number;
  fileIds?: string[];
}

/**
 * A business applies (or an editor on its behalf) before the deadline. Attachments are files the
 * organisation uploaded first (POST /api/files, domain enterprise); the same project sent twice
 * is refused. Nothing is saved when anything is wrong.
 */
export async function submitApplication(ctx: Ctx, callId: string, input: ApplicationBody): Promise<ApplicationView> {
  const a = ctx.actor;
  const organisationId = input.organisationId;
  if (!policy.actFor(a, organisationId)) throw AppError.forbidden('Du kan bare søke for din egen virksomhet');
  const repo = enterpriseRepository(ctx.scope);
  const c = await repo.callById(callId);
  if (!c) throw AppError.notFound('Utlysningen finnes ikke');
  const now = nowIso(ctx);
  const issues = validateApplication(input, callInput(c), now);
  const fileIds = [...new Set(input.fileIds ?? [])];
  const files = await repo.ownFiles(fileIds, organisationId);
  if (files.length !== fileIds.length) issues.push({ field: 'fileIds', message: 'Ett eller flere vedlegg finnes ikke eller hører ikke til søkeren' });
  if (!issues.some((i) => i.field === 'title') && (await repo.applicationByTitle(callId, organisationId, input.title.trim()))) issues.push({ field: 'title', message: 'Virksomheten har allerede sendt en søknad med denne tittelen i utlysningen' });
  if (issues.length) throw AppError.validation('Søknaden kunne ikke sendes', issues);
  return ctx.scope.transaction(async (scope) => {
    const row = { id: newId(), call_id: callId, organisation_id: organisationId, title: input.title.trim(), summary: input.summary.trim(), amount_ore: ore(input.amountNok), file_ids: JSON.stringify(fileIds), state: 'submitted', granted_ore: null, decision_note: null, case_number: null, decided_at: null, decided_by_label: null, submitted_by_label: actorLabel(a), submitted_at: now, updated_at: now };
    await enterpriseRepository(scope).insertApplication(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'ent_application', entityId: row.id, summary: `Søknad «${row.title}» sendt (${input.amountNok.toLocaleString('nb-NO')} kr)`, before: null, after: { state: 'submitted', amountNok: input.amountNok } });
    const names = new Map((await enterpriseRepository(scope).organisations()).map((o) => [o.id, o.name]));
    return presentApplication({ ...row, municipality_id: scope.municipalityId }, names.get(organisationId) ?? '');
  });
}

async function applicationAndCall(ctx: Ctx, id: string) {
  const repo = enterpriseRepository(ctx.scope);
  const app = await repo.applicationById(id);
  if (!app) throw AppError.notFound('Søknaden finnes ikke');
  return { app, call: (await repo.callById(app.call_id))! };
}

/**
 * A reviewer (an enterprise editor) declares a conflict of interest or scores each criterion;
 * saving again replaces their review. Once a conflict is declared, that reviewer cannot score
 * the application. Reviews close when the application is decided.
 */
export async function saveReview(ctx: Ctx, applicationId: string, input: { conflict: boolean; conflictReason?: string | null; scores?: Record<string, number>; comment?: string | null }) {
  if (ctx.actor.kind !== 'user') throw AppError.forbidden();
  const reviewerId = ctx.actor.userId;
  const { app, call } = await applicationAndCall(ctx, applicationId);
  if (!policy.manage(ctx.actor, call.domain)) throw AppError.forbidden();
  if (app.state !== 'submitted') throw new AppError('conflict', 'Søknaden er avgjort; vurderingene kan ikke endres');
  const repo = enterpriseRepository(ctx.scope);
  const before = await repo.reviewOf(applicationId, reviewerId);
  const declared = before ? Number(before.conflict) === 1 : false;
  const review = { reviewerId, conflict: input.conflict, scores: input.conflict ? {} : (input.scores ?? {}) };
  const issues = validateReview(review, { criteria: criteriaOf(call) }, declared && !input.conflict);
  if (input.conflict && !input.conflictReason?.trim()) issues.push({ field: 'conflictReason', message: 'Skriv kort hvorfor du er inhabil' });
  if (issues.length) throw AppError.validation('Vurderingen kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const r = enterpriseRepository(scope);
    const at = nowIso(ctx);
    const set = { conflict: input.conflict ? 1 : 0, conflict_reason: input.conflict ? input.conflictReason!.trim() : null, scores: JSON.stringify(review.scores), comment: input.comment?.trim() || null, updated_at: at };
    const id = before?.id ?? newId();
    if (before) await r.updateReview(before.id, set);
    else await r.insertReview({ id, application_id: applicationId, reviewer_id: reviewerId, reviewer_label: actorLabel(ctx.actor), ...set });
    await recordAudit({ ...ctx, scope }, { action: before ? 'update' : 'create', entityType: 'ent_review', entityId: id, summary: input.conflict ? `Inhabil i «${app.title}»` : `Vurdering av «${app.title}»`, before: before ? { conflict: declared, scores: JSON.parse(before.scores) } : null, after: { conflict: input.conflict, scores: review.scores } });
    return presentReview({ id, municipality_id: scope.municipalityId, application_id: applicationId, reviewer_id: reviewerId, reviewer_label: actorLabel(ctx.actor), ...set });
  });
}

/**
 * The decision on an application (enterprise editors who have not declared a conflict on it),
 * after the deadline: granted with an amount no larger than applied for, or declined, with the
 * case number of the decision. Grants may not exceed what is left of the call's budget.
 */
export async function decide(ctx: Ctx, applicationId: string, input: { decision: 'granted' | 'declined'; grantedNok?: number | null; note?: string | null; caseNumber?: string | null }): Promise<ApplicationView> {
  if (ctx.actor.kind !== 'user') throw AppError.forbidden();
  const { app, call } = await applicationAndCall(ctx, applicationId);
  if (!policy.manage(ctx.actor, call.domain)) throw AppError.forbidden();
  const repo = enterpriseRepository(ctx.scope);
  const mine = await repo.reviewOf(applicationId, ctx.actor.userId);
  if (mine && Number(mine.conflict) === 1) throw AppError.forbidden('Du har meldt deg inhabil i denne søknaden og kan ikke avgjøre den');
  if (app.state !== 'submitted') throw new AppError('conflict', 'Søknaden er allerede avgjort');
  const now = nowIso(ctx);
  const issues: { field: string; message: string }[] = [];
  if (now < call.deadline) issues.push({ field: 'decision', message: 'Søknadene kan avgjøres først etter søknadsfristen' });
  const granted = input.decision === 'granted' ? (input.grantedNok ?? null) : null;
  if (input.decision === 'granted') {
    const spent = (await repo.applications({ callId: call.id })).reduce((s, x) => s + (x.state === 'granted' || x.state === 'reported' ? Number(x.granted_ore ?? 0) : 0), 0);
    if (granted === null || !(granted > 0)) issues.push({ field: 'grantedNok', message: 'Oppgi tilskuddsbeløpet' });
    else if (ore(granted) > Number(app.amount_ore)) issues.push({ field: 'grantedNok', message: 'Tilskuddet kan ikke være større enn søknadsbeløpet' });
    else if (ore(granted) + spent > Number(call.budget_ore)) issues.push({ field: 'grantedNok', message: `Rammen har bare ${((Number(call.budget_ore) - spent) / 100).toLocaleString('nb-NO')} kr igjen` });
  }
  if (issues.length) throw AppError.validation('Vedtaket kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const set = { state: input.decision, granted_ore: granted === null ? null : ore(granted), decision_note: input.note?.trim() || null, case_number: input.caseNumber?.trim() || null, decided_at: now, decided_by_label: actorLabel(ctx.actor), updated_at: now };
    await enterpriseRepository(scope).updateApplication(applicationId, set);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'ent_application', entityId: applicationId, summary: input.decision === 'granted' ? `Innvilget «${app.title}»: ${granted!.toLocaleString('nb-NO')} kr` : `Avslått «${app.title}»`, before: { state: app.state }, after: { state: input.decision, grantedNok: granted } });
    const names = new Map((await enterpriseRepository(scope).organisations()).map((o) => [o.id, o.name]));
    return presentApplication({ ...app, ...set }, names.get(app.organisation_id) ?? '');
  });
}

/** Applications: staff all (optionally of one call), a business user their own. */
export async function listApplications(ctx: Ctx, q: { callId?: string }) {
  const a = ctx.actor;
  const org = a.kind === 'user' && a.role === 'business' ? a.organisationId : null;
  if (!policy.readAll(a) && !org) throw AppError.forbidden();
  const repo = enterpriseRepository(ctx.scope);
  const rows = await repo.applications({ callId: q.callId, ...(policy.readAll(a) ? {} : { organisationId: org! }) });
  const names = new Map((await repo.organisations()).map((o) => [o.id, o.name]));
  const reports = await repo.reports(rows.map((r) => r.id));
  return rows.map((r) => ({ ...presentApplication(r, names.get(r.organisation_id) ?? ''), reports: reports.filter((x) => x.application_id === r.id).map((x) => ({ id: x.id, text: x.text, fileIds: JSON.parse(x.file_ids) as string[], submittedAt: x.submitted_at, submittedBy: x.submitted_by_label })) }));
}

/** The grantee reports what the grant was used for (its business users or an editor); the application becomes "reported". */
export async function submitReport(ctx: Ctx, applicationId: string, input: { text: string; fileIds?: string[] }) {
  const { app } = await applicationAndCall(ctx, applicationId);
  if (!policy.actFor(ctx.actor, app.organisation_id)) throw AppError.forbidden();
  if (app.state !== 'granted' && app.state !== 'reported') throw new AppError('conflict', 'Bare innvilgede søknader har rapport');
  const issues: { field: string; message: string }[] = [];
  if (input.text.trim().length < 20) issues.push({ field: 'text', message: 'Beskriv med minst 20 tegn hva tilskuddet ble brukt til og hva det ga' });
  const fileIds = [...new Set(input.fileIds ?? [])];
  if ((await enterpriseRepository(ctx.scope).ownFiles(fileIds, app.organisation_id)).length !== fileIds.length) issues.push({ field: 'fileIds', message: 'Ett eller flere vedlegg finnes ikke eller hører ikke til søkeren' });
  if (issues.length) throw AppError.validation('Rapporten kunne ikke lagres', issues);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), application_id: applicationId, text: input.text.trim(), file_ids: JSON.stringify(fileIds), submitted_by_label: actorLabel(ctx.actor), submitted_at: at };
    const r = enterpriseRepository(scope);
    await r.insertReport(row);
    if (app.state === 'granted') await r.updateApplication(applicationId, { state: 'reported', updated_at: at });
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'ent_report', entityId: row.id, summary: `Rapport på «${app.title}»`, before: null, after: { state: 'reported' } });
    return { id: row.id, applicationId, text: row.text, fileIds, submittedAt: at };
  });
}
