import fs from 'node:fs';
import path from 'node:path';
import {
  CHECK_KINDS,
  CRITERION_KINDS,
  EXCEPTION_KINDS,
  PRICE_MODEL_KINDS,
  checkTenderRules,
  evaluateTender,
  followUpDueDates,
  followUpStatus,
  isIsoDate,
  validateLcc,
  validateOutcome,
  type CheckKind,
  type CriterionKind,
  type EvalBid,
  type TenderEvaluationResult,
  type ExceptionKind,
  type FollowUpStatus,
  type LccInput,
  type PriceModel,
  type RuleResult,
} from '@omstilling/core';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { AppError, type ErrorDetail } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { procurementRepository, type BidRow, type ContractRow, type CriterionRow, type FollowUpRow, type TenderRow } from './procurement.repository.js';
import { procurementPolicy as policy } from './procurement.policy.js';
import { carbonPricePath, cpvCodes, DEFAULT_DATA_DIR } from './procurement.reference.js';

/** What the procurement services need besides the context: the data folder (CPV list, carbon price path, starter library). */
export interface ProcurementDeps {
  dataDir: string;
}
export const defaultProcurementDeps: ProcurementDeps = { dataDir: DEFAULT_DATA_DIR };

export const PRODUCT_GROUPS = ['vehicles', 'food', 'furniture', 'ict', 'cleaning', 'construction', 'office_supplies', 'textiles', 'energy', 'general'] as const;
export const CRITERION_TYPES = ['qualification', 'specification', 'award', 'contract_condition'] as const;
export const LEVELS = ['basic', 'advanced'] as const;
export const PROCEDURES = ['open', 'restricted', 'negotiated', 'competitive_dialogue', 'below_threshold', 'direct'] as const;
export const TENDER_STATUSES = ['draft', 'published', 'awarded', 'cancelled'] as const;

const toOre = (nok: number) => Math.round(nok * 100);
const toNok = (ore: number | string | null) => (ore === null ? null : Number(ore) / 100);
const parseJson = <T>(s: string | null, fallback: T): T => (s === null || s === '' ? fallback : (JSON.parse(s) as T));
/** Today in Norway. */
export function osloDate(ctx: Pick<Ctx, 'now'>): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ctx.now());
}

function mustRead(ctx: Ctx) {
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
}
function mustEdit(ctx: Ctx) {
  if (!policy.edit(ctx.actor)) throw AppError.forbidden();
}

// ---------- criteria library ----------

export interface CriterionView {
  id: string;
  key: string;
  productGroup: string;
  type: string;
  level: string;
  title: string;
  text: string;
  documentation: string;
  verification: string;
  cpv: string[];
  active: boolean;
}

export interface CriterionInput {
  key: string;
  productGroup: string;
  type: string;
  level: string;
  title: string;
  text: string;
  documentation: string;
  verification: string;
  cpv: string[];
  active?: boolean;
}

export function presentCriterion(r: CriterionRow): CriterionView {
  return { id: r.id, key: r.key, productGroup: r.product_group, type: r.type, level: r.level, title: r.title, text: r.text, documentation: r.documentation, verification: r.verification, cpv: parseJson<string[]>(r.cpv, []), active: Number(r.active) === 1 };
}

function checkCriterion(input: CriterionInput, deps: ProcurementDeps): ErrorDetail[] {
  const d: ErrorDetail[] = [];
  if (!/^[a-z0-9][a-z0-9-]{1,63}$/.test(input.key ?? '')) d.push({ field: 'key', message: 'Nøkkelen må være 2–64 små bokstaver, tall og bindestrek' });
  if (!(PRODUCT_GROUPS as readonly string[]).includes(input.productGroup)) d.push({ field: 'productGroup', message: `Ukjent produktgruppe: «${input.productGroup}»` });
  if (!(CRITERION_TYPES as readonly string[]).includes(input.type)) d.push({ field: 'type', message: 'Typen må være kvalifikasjonskrav, kravspesifikasjon, tildelingskriterium eller kontraktsvilkår' });
  if (!(LEVELS as readonly string[]).includes(input.level)) d.push({ field: 'level', message: 'Nivået må være basis eller avansert' });
  for (const f of ['title', 'text', 'documentation', 'verification'] as const) if (!(input[f] ?? '').trim()) d.push({ field: f, message: 'Må fylles ut' });
  const cpv = cpvCodes(deps.dataDir);
  const bad = (input.cpv ?? []).filter((c) => !cpv[c]);
  if (bad.length) d.push({ field: 'cpv', message: `Ukjente CPV-koder: ${bad.join(', ')}` });
  return d;
}

/** The library, optionally only one product group. */
export async function listCriteria(ctx: Ctx, filter: { productGroup?: string } = {}): Promise<CriterionView[]> {
  mustRead(ctx);
  const rows = await procurementRepository(ctx.scope).criteria();
  return rows.filter((r) => !filter.productGroup || r.product_group === filter.productGroup).map(presentCriterion);
}

export async function createCriterion(ctx: Ctx, deps: ProcurementDeps, input: CriterionInput): Promise<CriterionView> {
  mustEdit(ctx);
  const d = checkCriterion(input, deps);
  if (!d.length && (await procurementRepository(ctx.scope).criterionByKey(input.key))) d.push({ field: 'key', message: `Nøkkelen «${input.key}» er i bruk` });
  if (d.length) throw AppError.validation('Kriteriet kunne ikke lagres', d);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), key: input.key, product_group: input.productGroup, type: input.type, level: input.level, title: input.title.trim(), text: input.text.trim(), documentation: input.documentation.trim(), verification: input.verification.trim(), cpv: JSON.stringify(input.cpv ?? []), active: input.active === false ? 0 : 1, created_at: at, updated_at: at };
    await procurementRepository(scope).insertCriterion(row);
    const view = presentCriterion({ ...row, municipality_id: scope.municipalityId });
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'pr_criterion', entityId: row.id, summary: `Kriterium ${row.title} lagt til i biblioteket`, after: view });
    return view;
  });
}

export async function updateCriterion(ctx: Ctx, deps: ProcurementDeps, id: string, input: CriterionInput): Promise<CriterionView> {
  mustEdit(ctx);
  const repo = procurementRepository(ctx.scope);
  const before = await repo.criterionById(id);
  if (!before) throw AppError.notFound('Kriteriet');
  const d = checkCriterion({ ...input, key: before.key }, deps);
  if (d.length) throw AppError.validation('Kriteriet kunne ikke lagres', d);
  return ctx.scope.transaction(async (scope) => {
    const set = { product_group: input.productGroup, type: input.type, level: input.level, title: input.title.trim(), text: input.text.trim(), documentation: input.documentation.trim(), verification: input.verification.trim(), cpv: JSON.stringify(input.cpv ?? []), active: input.active === false ? 0 : 1, updated_at: nowIso(ctx) };
    await procurementRepository(scope).updateCriterion(id, set);
    const view = presentCriterion({ ...before, ...set });
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'pr_criterion', entityId: id, summary: `Kriterium ${view.title} endret`, before: presentCriterion(before), after: view });
    return view;
  });
}

/** Loads the starter library from data/reference/procurement/criteria.json; criteria already there (by key) are left as edited. */
export async function loadStarterCriteria(ctx: Ctx, deps: ProcurementDeps): Promise<{ inFile: number; created: number; unchanged: number }> {
  mustEdit(ctx);
  const file = path.join(deps.dataDir, 'reference', 'procurement', 'criteria.json');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { criteria: CriterionInput[] };
  const details: ErrorDetail[] = [];
  doc.criteria.forEach((c, i) => details.push(...checkCriterion(c, deps).map((x) => ({ ...x, file: 'criteria.json', line: i + 1 }))));
  if (details.length) throw new AppError('import_failed', 'Kriteriebiblioteket har feil', details);
  return ctx.scope.transaction(async (scope) => {
    const repo = procurementRepository(scope);
    const have = new Set((await repo.criteria()).map((r) => r.key));
    const at = nowIso(ctx);
    let created = 0;
    for (const c of doc.criteria) {
      if (have.has(c.key)) continue;
      await repo.insertCriterion({ id: newId(), key: c.key, product_group: c.productGroup, type: c.type, level: c.level, title: c.title, text: c.text, documentation: c.documentation, verification: c.verification, cpv: JSON.stringify(c.cpv), active: 1, created_at: at, updated_at: at });
      created++;
    }
    await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'pr_criterion', entityId: 'criteria.json', summary: `Startsettet: ${created} kriterier lastet, ${doc.criteria.length - created} fantes fra før`, after: { created, unchanged: doc.criteria.length - created } });
    return { inFile: doc.criteria.length, created, unchanged: doc.criteria.length - created };
  });
}

// ---------- tenders ----------

/** An award criterion of a tender; `libraryKey` when picked from the library. */
export interface TenderCriterion {
  id: string;
  kind: CriterionKind;
  name: string;
  weight?: number | null;
  rank?: number | null;
  libraryKey?: string | null;
}

/** A requirement (specification or contract condition) that becomes a follow-up item after award. */
export interface TenderRequirement {
  key: string;
  title: string;
  type: string;
  checkKind: CheckKind;
}

export interface Lot {
  id: string;
  title: string;
  estimatedValueNok: number | null;
}

export interface TenderInput {
  reference: string;
  title: string;
  description?: string;
  cpv: string;
  estimatedValueNok: number;
  procedure: string;
  unitId?: string | null;
  weighting?: 'weights' | 'ranking';
  priceModel: PriceModel;
  criteria: TenderCriterion[];
  requirementKeys?: string[];
  lots?: Lot[];
  exception?: { kind: ExceptionKind; justification: string } | null;
  tenderPeriodEnd?: string | null;
}

export interface TenderSummary {
  id: string;
  reference: string;
  title: string;
  cpv: string;
  cpvName: string | null;
  estimatedValueNok: number;
  currency: string;
  procedure: string;
  unitId: string | null;
  status: string;
  envWeight: number | null;
  exceptionUsed: boolean;
  /** Whether the rule check passes (no errors). */
  rulesOk: boolean;
  bids: number;
  publishedAt: string | null;
  awardedAt: string | null;
}

export interface TenderView extends TenderSummary {
  description: string;
  weighting: 'weights' | 'ranking';
  priceModel: PriceModel;
  criteria: TenderCriterion[];
  requirements: TenderRequirement[];
  lots: Lot[];
  exception: { kind: ExceptionKind; justification: string } | null;
  tenderPeriodEnd: string | null;
  rules: RuleResult;
  awardedBidId: string | null;
  contractId: string | null;
  ocdsId: string | null;
}

const exceptionOf = (t: TenderRow) => (t.exception_kind ? { kind: t.exception_kind as ExceptionKind, justification: t.exception_justification ?? '' } : null);
const rulesOf = (t: TenderRow): RuleResult =>
  checkTenderRules({ estimatedValueNok: Number(t.estimated_value_ore) / 100, weighting: t.weighting as 'weights' | 'ranking', criteria: parseJson<TenderCriterion[]>(t.criteria, []), exception: exceptionOf(t) });

function presentSummary(t: TenderRow, bids: number, deps: ProcurementDeps): TenderSummary {
  const rules = rulesOf(t);
  return {
    id: t.id,
    reference: t.reference,
    title: t.title,
    cpv: t.cpv,
    cpvName: cpvCodes(deps.dataDir)[t.cpv] ?? null,
    estimatedValueNok: Number(t.estimated_value_ore) / 100,
    currency: t.currency,
    procedure: t.procedure,
    unitId: t.unit_id,
    status: t.status,
    envWeight: rules.envWeight,
    exceptionUsed: rules.exceptionUsed,
    rulesOk: rules.errors.length === 0,
    bids,
    publishedAt: t.published_at,
    awardedAt: t.awarded_at,
  };
}

function presentTender(t: TenderRow, bids: number, contractId: string | null, deps: ProcurementDeps): TenderView {
  return {
    ...presentSummary(t, bids, deps),
    description: t.description,
    weighting: t.weighting as 'weights' | 'ranking',
    priceModel: parseJson<PriceModel>(t.price_model, { kind: 'linear', maxPoints: 10 }),
    criteria: parseJson<TenderCriterion[]>(t.criteria, []),
    requirements: parseJson<TenderRequirement[]>(t.requirements, []),
    lots: parseJson<Lot[]>(t.lots, []),
    exception: exceptionOf(t),
    tenderPeriodEnd: t.tender_period_end,
    rules: rulesOf(t),
    awardedBidId: t.awarded_bid_id,
    contractId,
    ocdsId: t.ocds_id,
  };
}

/** Check kind for a requirement from how the library says it is verified. */
function checkKindFor(c: CriterionRow): CheckKind {
  const v = c.verification.toLowerCase();
  if (v.startsWith('måling')) return 'measurement';
  if (v.startsWith('revisjon') || v.includes('revisjon på')) return 'audit';
  return 'document_review';
}

async function checkTender(ctx: Ctx, deps: ProcurementDeps, input: TenderInput, selfId: string | null): Promise<{ details: ErrorDetail[]; requirements: TenderRequirement[] }> {
  const d: ErrorDetail[] = [];
  const repo = procurementRepository(ctx.scope);
  if (!(input.reference ?? '').trim()) d.push({ field: 'reference', message: 'Saksnummer må fylles ut' });
  else {
    const other = await repo.tenderByReference(input.reference.trim());
    if (other && other.id !== selfId) d.push({ field: 'reference', message: `Saksnummeret ${input.reference} er brukt av «${other.title}»` });
  }
  if (!(input.title ?? '').trim()) d.push({ field: 'title', message: 'Tittel må fylles ut' });
  if (!cpvCodes(deps.dataDir)[input.cpv]) d.push({ field: 'cpv', message: `Ukjent CPV-kode: «${input.cpv}» (skriv den med kontrollsiffer, f.eks. 34100000-8)` });
  if (!Number.isFinite(input.estimatedValueNok) || input.estimatedValueNok < 0) d.push({ field: 'estimatedValueNok', message: 'Anslått verdi må være 0 kr eller mer' });
  if (!(PROCEDURES as readonly string[]).includes(input.procedure)) d.push({ field: 'procedure', message: `Ukjent prosedyre: «${input.procedure}»` });
  if (input.unitId && !(await organisationsRepository(ctx.scope).unitById(input.unitId))) d.push({ field: 'unitId', message: 'Enheten finnes ikke' });
  if (input.weighting && input.weighting !== 'weights' && input.weighting !== 'ranking') d.push({ field: 'weighting', message: 'Velg vekting eller rangering' });
  const m = input.priceModel;
  if (!m || !PRICE_MODEL_KINDS.includes(m.kind) || !(m.maxPoints > 0)) d.push({ field: 'priceModel', message: 'Velg prismodell og maks poeng over 0' });
  const ids = new Set<string>();
  (input.criteria ?? []).forEach((c, i) => {
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(c.id ?? '') || ids.has(c.id)) d.push({ field: `criteria[${i}].id`, message: 'Hvert kriterium trenger en unik kort id (bokstaver, tall, - og _)' });
    ids.add(c.id);
    if (!CRITERION_KINDS.includes(c.kind)) d.push({ field: `criteria[${i}].kind`, message: `Ukjent kriterietype: «${c.kind}»` });
    if (!(c.name ?? '').trim()) d.push({ field: `criteria[${i}].name`, message: 'Kriteriet må ha et navn' });
  });
  const library = new Map((await repo.criteria()).map((c) => [c.key, c]));
  for (const [i, c] of (input.criteria ?? []).entries()) if (c.libraryKey && !library.has(c.libraryKey)) d.push({ field: `criteria[${i}].libraryKey`, message: `Kriteriet «${c.libraryKey}» finnes ikke i biblioteket` });
  const requirements: TenderRequirement[] = [];
  for (const key of input.requirementKeys ?? []) {
    const c = library.get(key);
    if (!c) d.push({ field: 'requirementKeys', message: `Kravet «${key}» finnes ikke i biblioteket` });
    else requirements.push({ key, title: c.title, type: c.type, checkKind: checkKindFor(c) });
  }
  (input.lots ?? []).forEach((l, i) => {
    if (!(l.title ?? '').trim()) d.push({ field: `lots[${i}].title`, message: 'Delkontrakten må ha en tittel' });
  });
  if (input.exception && !EXCEPTION_KINDS.includes(input.exception.kind)) d.push({ field: 'exception', message: 'Ukjent unntak' });
  if (input.tenderPeriodEnd && !isIsoDate(input.tenderPeriodEnd)) d.push({ field: 'tenderPeriodEnd', message: 'Tilbudsfristen må være en dato' });
  return { details: d, requirements };
}

function tenderColumns(input: TenderInput, requirements: TenderRequirement[]) {
  const rules = checkTenderRules({ estimatedValueNok: input.estimatedValueNok, weighting: input.weighting ?? 'weights', criteria: input.criteria, exception: input.exception ?? null });
  return {
    reference: input.reference.trim(),
    title: input.title.trim(),
    description: (input.description ?? '').trim(),
    cpv: input.cpv,
    estimated_value_ore: toOre(input.estimatedValueNok),
    currency: 'NOK',
    procedure: input.procedure,
    unit_id: input.unitId ?? null,
    weighting: input.weighting ?? 'weights',
    price_model: JSON.stringify(input.priceModel),
    criteria: JSON.stringify(input.criteria.map((c) => ({ id: c.id, kind: c.kind, name: c.name.trim(), weight: c.weight ?? null, rank: c.rank ?? null, libraryKey: c.libraryKey ?? null }))),
    requirements: JSON.stringify(requirements),
    lots: JSON.stringify((input.lots ?? []).map((l, i) => ({ id: l.id || `lot-${i + 1}`, title: l.title.trim(), estimatedValueNok: l.estimatedValueNok ?? null }))),
    exception_kind: input.exception?.kind ?? null,
    exception_justification: input.exception ? input.exception.justification.trim() : null,
    env_weight: rules.envWeight,
    exception_used: rules.exceptionUsed ? 1 : 0,
    tender_period_end: input.tenderPeriodEnd ?? null,
  };
}

export async function listTenders(ctx: Ctx, deps: ProcurementDeps, filter: { status?: string } = {}): Promise<TenderSummary[]> {
  mustRead(ctx);
  const repo = procurementRepository(ctx.scope);
  const rows = await repo.tenders();
  const out: TenderSummary[] = [];
  for (const t of rows) if (!filter.status || t.status === filter.status) out.push(presentSummary(t, (await repo.bids(t.id)).length, deps));
  return out;
}

export async function getTender(ctx: Ctx, deps: ProcurementDeps, id: string): Promise<TenderView> {
  mustRead(ctx);
  const repo = procurementRepository(ctx.scope);
  const t = await repo.tenderById(id);
  if (!t) throw AppError.notFound('Konkurransen');
  return presentTender(t, (await repo.bids(id)).length, (await repo.contractByTender(id))?.id ?? null, deps);
}

/** Creates a draft tender; a rule breach is allowed in a draft (it blocks publication). */
export async function createTender(ctx: Ctx, deps: ProcurementDeps, input: TenderInput): Promise<TenderView> {
  mustEdit(ctx);
  const { details, requirements } = await checkTender(ctx, deps, input, null);
  if (details.length) throw AppError.validation('Konkurransen kunne ikke lagres', details);
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const row = { id: newId(), ...tenderColumns(input, requirements), status: 'draft', published_at: null, awarded_bid_id: null, awarded_at: null, ocds_id: null, created_at: at, updated_at: at };
    await procurementRepository(scope).insertTender(row);
    const view = presentTender({ ...row, municipality_id: scope.municipalityId }, 0, null, deps);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'pr_tender', entityId: row.id, summary: `Konkurranse ${row.reference} ${row.title} opprettet`, after: view });
    return view;
  });
}

/** Changes a draft tender; published and awarded tenders are frozen. */
export async function updateTender(ctx: Ctx, deps: ProcurementDeps, id: string, input: TenderInput): Promise<TenderView> {
  mustEdit(ctx);
  const repo = procurementRepository(ctx.scope);
  const before = await repo.tenderById(id);
  if (!before) throw AppError.notFound('Konkurransen');
  if (before.status !== 'draft') throw new AppError('conflict', 'Bare utkast kan endres; konkurransen er allerede kunngjort');
  const { details, requirements } = await checkTender(ctx, deps, input, id);
  if (details.length) throw AppError.validation('Konkurransen kunne ikke lagres', details);
  return ctx.scope.transaction(async (scope) => {
    const set = { ...tenderColumns(input, requirements), updated_at: nowIso(ctx) };
    await procurementRepository(scope).updateTender(id, set);
    const view = presentTender({ ...before, ...set }, (await procurementRepository(scope).bids(id)).length, null, deps);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'pr_tender', entityId: id, summary: `Konkurranse ${view.reference} endret`, before: presentTender(before, 0, null, deps), after: view });
    return view;
  });
}

/** Publishes a draft; blocked with the plain-language explanation when the 30 % or top-three rule is broken without a justified exception. */
export async function publishTender(ctx: Ctx, deps: ProcurementDeps, id: string, opts: { publishedOn?: string | null } = {}): Promise<TenderView> {
  mustEdit(ctx);
  // A tender announced elsewhere (Doffin) may be registered afterwards with its real publication date.
  if (opts.publishedOn && (!isIsoDate(opts.publishedOn) || opts.publishedOn > osloDate(ctx))) throw AppError.validation('Kunngjøringsdatoen må være en dato fram til i dag', [{ field: 'publishedOn', message: 'Kunngjøringsdatoen må være en dato fram til i dag' }]);
  const repo = procurementRepository(ctx.scope);
  const t = await repo.tenderById(id);
  if (!t) throw AppError.notFound('Konkurransen');
  if (t.status !== 'draft') throw new AppError('conflict', 'Konkurransen er allerede kunngjort');
  const rules = rulesOf(t);
  if (rules.errors.length) throw AppError.validation(`Konkurransen kan ikke kunngjøres: ${rules.explanation}`, rules.errors.map((e) => ({ field: e.criterion ?? (e.code.startsWith('EXCEPTION') ? 'exception' : 'criteria'), message: e.message })));
  return ctx.scope.transaction(async (scope) => {
    const at = nowIso(ctx);
    const publishedAt = opts.publishedOn ? `${opts.publishedOn}T12:00:00.000Z` : at;
    await procurementRepository(scope).updateTender(id, { status: 'published', published_at: publishedAt, updated_at: at });
    const view = presentTender({ ...t, status: 'published', published_at: publishedAt, updated_at: at }, (await procurementRepository(scope).bids(id)).length, null, deps);
    await recordAudit({ ...ctx, scope }, { action: 'publish', entityType: 'pr_tender', entityId: id, summary: `Konkurranse ${t.reference} kunngjort (${rules.explanation})`, before: { status: 'draft' }, after: { status: 'published', publishedAt, envWeight: rules.envWeight, exceptionUsed: rules.exceptionUsed } });
    return view;
  });
}

// ---------- bids and evaluation ----------

export interface BidInput {
  label: string;
  supplierName: string;
  supplierOrgNumber?: string | null;
  priceNok: number | null;
  points: Record<string, number | null>;
  lcc?: Omit<LccInput, 'purchasePriceNok'> | null;
}

export interface BidView {
  id: string;
  tenderId: string;
  label: string;
  supplierName: string;
  supplierOrgNumber: string | null;
  priceNok: number | null;
  points: Record<string, number | null>;
  lcc: Omit<LccInput, 'purchasePriceNok'> | null;
}

export function presentBid(b: BidRow): BidView {
  return { id: b.id, tenderId: b.tender_id, label: b.label, supplierName: b.supplier_name, supplierOrgNumber: b.supplier_org_number, priceNok: toNok(b.price_ore), points: parseJson(b.points, {}), lcc: parseJson(b.lcc, null) };
}

function checkBid(input: BidInput): ErrorDetail[] {
  const d: ErrorDetail[] = [];
  if (!/^[\p{L}\p{N} _.-]{1,40}$/u.test(input.label ?? '')) d.push({ field: 'label', message: 'Tilbudet trenger et kort navn (høyst 40 tegn)' });
  if (!(input.supplierName ?? '').trim()) d.push({ field: 'supplierName', message: 'Leverandørens navn må fylles ut' });
  if (input.supplierOrgNumber && !/^\d{9}$/.test(input.supplierOrgNumber.replace(/\s/g, ''))) d.push({ field: 'supplierOrgNumber', message: 'Organisasjonsnummeret må ha 9 sifre' });
  if (input.priceNok !== null && (!Number.isFinite(input.priceNok) || input.priceNok < 0)) d.push({ field: 'priceNok', message: 'Prisen må være 0 kr eller mer' });
  for (const [k, v] of Object.entries(input.points ?? {})) if (v !== null && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) d.push({ field: `points.${k}`, message: 'Poeng må være 0 eller mer' });
  if (input.lcc) d.push(...validateLcc({ ...input.lcc, purchasePriceNok: input.priceNok ?? 0 }).map((x) => ({ field: `lcc.${x.field}`, message: x.message })));
  return d;
}

/** Adds or replaces (by label) a bid on a published tender. */
export async function saveBid(ctx: Ctx, tenderId: string, input: BidInput): Promise<BidView> {
  mustEdit(ctx);
  const repo = procurementRepository(ctx.scope);
  const t = await repo.tenderById(tenderId);
  if (!t) throw AppError.notFound('Konkurransen');
  if (t.status !== 'published') throw new AppError('conflict', t.status === 'draft' ? 'Tilbud kan registreres når konkurransen er kunngjort' : 'Konkurransen er avsluttet; tilbudene kan ikke endres');
  const d = checkBid(input);
  if (d.length) throw AppError.validation('Tilbudet kunne ikke lagres', d);
  return ctx.scope.transaction(async (scope) => {
    const r = procurementRepository(scope);
    const at = nowIso(ctx);
    const existing = (await r.bids(tenderId)).find((b) => b.label === input.label.trim());
    const cols = { label: input.label.trim(), supplier_name: input.supplierName.trim(), supplier_org_number: input.supplierOrgNumber ? input.supplierOrgNumber.replace(/\s/g, '') : null, price_ore: input.priceNok === null ? null : toOre(input.priceNok), points: JSON.stringify(input.points ?? {}), lcc: input.lcc ? JSON.stringify(input.lcc) : null, updated_at: at };
    let row: BidRow;
    if (existing) {
      await r.updateBid(existing.id, cols);
      row = { ...existing, ...cols };
    } else {
      row = { id: newId(), municipality_id: scope.municipalityId, tender_id: tenderId, created_at: at, ...cols };
      await r.insertBid({ id: row.id, tender_id: tenderId, created_at: at, ...cols });
    }
    await recordAudit({ ...ctx, scope }, { action: existing ? 'update' : 'create', entityType: 'pr_bid', entityId: row.id, summary: `Tilbud ${row.label} (${row.supplier_name}) på ${t.reference}`, before: existing ? presentBid(existing) : undefined, after: presentBid(row) });
    return presentBid(row);
  });
}

export async function deleteBid(ctx: Ctx, bidId: string): Promise<void> {
  mustEdit(ctx);
  const repo = procurementRepository(ctx.scope);
  const b = await repo.bidById(bidId);
  if (!b) throw AppError.notFound('Tilbudet');
  const t = await repo.tenderById(b.tender_id);
  if (t?.status !== 'published') throw new AppError('conflict', 'Tilbud kan bare slettes før tildeling');
  await ctx.scope.transaction(async (scope) => {
    await procurementRepository(scope).deleteBid(bidId);
    await recordAudit({ ...ctx, scope }, { action: 'delete', entityType: 'pr_bid', entityId: bidId, summary: `Tilbud ${b.label} slettet`, before: presentBid(b) });
  });
}

export async function listBids(ctx: Ctx, tenderId: string): Promise<BidView[]> {
  mustRead(ctx);
  if (!(await procurementRepository(ctx.scope).tenderById(tenderId))) throw AppError.notFound('Konkurransen');
  return (await procurementRepository(ctx.scope).bids(tenderId)).map(presentBid);
}

export interface EvaluationView extends TenderEvaluationResult {
  tender: TenderView;
  bids: BidView[];
  carbonPricePath: { name: string; unit: string; version: string; status: string };
}

/** The evaluation of a tender's bids as core computes it, with the carbon price path named. */
export async function tenderEvaluation(ctx: Ctx, deps: ProcurementDeps, tenderId: string): Promise<EvaluationView> {
  const tender = await getTender(ctx, deps, tenderId);
  const bids = await listBids(ctx, tenderId);
  const cp = carbonPricePath(deps.dataDir);
  const evalBids: EvalBid[] = bids.map((b) => ({ id: b.label, name: b.supplierName, priceNok: b.priceNok, points: b.points, lcc: b.lcc }));
  const r = evaluateTender({ estimatedValueNok: tender.estimatedValueNok, weighting: tender.weighting, priceModel: tender.priceModel, criteria: tender.criteria, exception: tender.exception, bids: evalBids, carbonPricePath: cp.points });
  return { ...r, tender, bids, carbonPricePath: { name: cp.name, unit: cp.unit, version: cp.version, status: cp.status } };
}

// ---------- award, contract and follow-up ----------

export interface AwardInput {
  bidId: string;
  startDate: string;
  endDate: string;
  /** First evidence due this many days after the start (90 by default), then every 12 months. */
  firstCheckAfterDays?: number;
}

export interface FollowUpView {
  id: string;
  contractId: string;
  requirementKey: string;
  title: string;
  type: string;
  checkKind: string;
  dueDate: string;
  unitId: string | null;
  outcome: string | null;
  checkedOn: string | null;
  finding: string | null;
  sanction: string | null;
  sanctionDate: string | null;
  deviationClosedOn: string | null;
  status: FollowUpStatus;
}

export interface ContractView {
  id: string;
  tenderId: string;
  tenderTitle: string;
  tenderReference: string;
  bidId: string;
  supplierName: string;
  valueNok: number;
  startDate: string;
  endDate: string;
  unitId: string | null;
  followUps: FollowUpView[];
  overdue: number;
  onSchedule: boolean;
}

export function presentFollowUp(f: FollowUpRow, today: string): FollowUpView {
  return {
    id: f.id,
    contractId: f.contract_id,
    requirementKey: f.requirement_key,
    title: f.title,
    type: f.type,
    checkKind: f.check_kind,
    dueDate: f.due_date,
    unitId: f.unit_id,
    outcome: f.outcome,
    checkedOn: f.checked_on,
    finding: f.finding,
    sanction: f.sanction,
    sanctionDate: f.sanction_date,
    deviationClosedOn: f.deviation_closed_on,
    status: followUpStatus({ dueDate: f.due_date, outcome: f.outcome as 'met' | 'deviation' | null, checkedOn: f.checked_on, sanction: f.sanction as never, deviationClosedOn: f.deviation_closed_on }, today),
  };
}

function presentContract(c: ContractRow, t: TenderRow, items: FollowUpRow[], today: string): ContractView {
  const followUps = items.map((f) => presentFollowUp(f, today));
  const overdue = followUps.filter((f) => f.status === 'overdue').length;
  return { id: c.id, tenderId: c.tender_id, tenderTitle: t.title, tenderReference: t.reference, bidId: c.bid_id, supplierName: c.supplier_name, valueNok: Number(c.value_ore) / 100, startDate: c.start_date, endDate: c.end_date, unitId: c.unit_id, followUps, overdue, onSchedule: overdue === 0 };
}

/**
 * Awards a published tender to one bid: the contract is made and every specification requirement,
 * contract condition and environment award criterion becomes a follow-up item with due dates.
 */
export async function awardTender(ctx: Ctx, deps: ProcurementDeps, tenderId: string, input: AwardInput): Promise<ContractView> {
  mustEdit(ctx);
  const repo = procurementRepository(ctx.scope);
  const t = await repo.tenderById(tenderId);
  if (!t) throw AppError.notFound('Konkurransen');
  if (t.status !== 'published') throw new AppError('conflict', t.status === 'awarded' ? 'Konkurransen er allerede tildelt' : 'Bare en kunngjort konkurranse kan tildeles');
  const bid = await repo.bidById(input.bidId);
  const d: ErrorDetail[] = [];
  if (!bid || bid.tender_id !== tenderId) d.push({ field: 'bidId', message: 'Tilbudet hører ikke til denne konkurransen' });
  if (!isIsoDate(input.startDate)) d.push({ field: 'startDate', message: 'Startdatoen må være en dato' });
  if (!isIsoDate(input.endDate) || input.endDate <= input.startDate) d.push({ field: 'endDate', message: 'Sluttdatoen må være en dato etter start' });
  const first = input.firstCheckAfterDays ?? 90;
  if (!Number.isInteger(first) || first < 0 || first > 730) d.push({ field: 'firstCheckAfterDays', message: 'Første kontroll må være 0–730 dager etter start' });
  if (d.length) throw AppError.validation('Konkurransen kunne ikke tildeles', d);
  const evaluation = await tenderEvaluation(ctx, deps, tenderId);
  if (evaluation.errors.length) throw AppError.validation('Evalueringen har feil som må rettes før tildeling', evaluation.errors.map((e) => ({ field: 'evaluation', message: e.message })));
  const requirements = parseJson<TenderRequirement[]>(t.requirements, []);
  const envCriteria = parseJson<TenderCriterion[]>(t.criteria, []).filter((c) => c.kind === 'environment');
  const dates = followUpDueDates(input.startDate, input.endDate, first, 12);
  return ctx.scope.transaction(async (scope) => {
    const r = procurementRepository(scope);
    const at = nowIso(ctx);
    const contract = { id: newId(), tender_id: tenderId, bid_id: bid!.id, supplier_name: bid!.supplier_name, value_ore: Number(bid!.price_ore ?? 0), start_date: input.startDate, end_date: input.endDate, unit_id: t.unit_id, created_at: at };
    await r.insertContract(contract);
    const items = [
      ...requirements.filter((q) => q.type === 'specification' || q.type === 'contract_condition').map((q) => ({ key: q.key, title: q.title, type: q.type, check: q.checkKind })),
      // What the winner promised on environment award criteria is checked too, once the first evidence is due.
      ...envCriteria.map((c) => ({ key: c.libraryKey ?? c.id, title: `Tilbudt miljøytelse: ${c.name}`, type: 'award', check: 'document_review' as CheckKind })),
    ];
    const rows: Omit<FollowUpRow, 'municipality_id'>[] = [];
    for (const q of items) {
      const due = q.type === 'specification' || q.type === 'award' ? dates.slice(0, 1) : dates;
      for (const date of due) rows.push({ id: newId(), contract_id: contract.id, requirement_key: q.key, title: q.title, type: q.type, check_kind: q.check, due_date: date, unit_id: t.unit_id, outcome: null, checked_on: null, finding: null, sanction: null, sanction_date: null, deviation_closed_on: null, recorded_by_label: null, created_at: at, updated_at: at });
    }
    await r.insertFollowUps(rows);
    await r.updateTender(tenderId, { status: 'awarded', awarded_bid_id: bid!.id, awarded_at: at, updated_at: at });
    await recordAudit({ ...ctx, scope }, { action: 'award', entityType: 'pr_tender', entityId: tenderId, summary: `Konkurranse ${t.reference} tildelt ${bid!.supplier_name} (${bid!.label}); ${rows.length} oppfølgingspunkter`, after: { contractId: contract.id, bid: bid!.label } });
    return presentContract({ ...contract, municipality_id: scope.municipalityId }, t, rows.map((x) => ({ ...x, municipality_id: scope.municipalityId })), osloDate(ctx));
  });
}

export async function listContracts(ctx: Ctx): Promise<ContractView[]> {
  mustRead(ctx);
  const repo = procurementRepository(ctx.scope);
  const today = osloDate(ctx);
  const [contracts, items, tenders] = await Promise.all([repo.contracts(), repo.followUps(), repo.tenders()]);
  const byTender = new Map(tenders.map((t) => [t.id, t]));
  return contracts.map((c) => presentContract(c, byTender.get(c.tender_id)!, items.filter((f) => f.contract_id === c.id), today));
}

export async function getContract(ctx: Ctx, id: string): Promise<ContractView> {
  mustRead(ctx);
  const repo = procurementRepository(ctx.scope);
  const c = await repo.contractById(id);
  if (!c) throw AppError.notFound('Kontrakten');
  return presentContract(c, (await repo.tenderById(c.tender_id))!, await repo.followUps(id), osloDate(ctx));
}

export interface OutcomeInput {
  outcome: 'met' | 'deviation';
  checkedOn: string;
  finding?: string | null;
  checkKind?: CheckKind;
  sanction?: 'none' | 'notice' | 'fine' | 'termination' | null;
  sanctionDate?: string | null;
  deviationClosedOn?: string | null;
}

/** Records what a check found, and for a deviation what was done (notice, fine, termination) and when it was closed. */
export async function recordOutcome(ctx: Ctx, followUpId: string, input: OutcomeInput): Promise<FollowUpView> {
  const repo = procurementRepository(ctx.scope);
  const f = await repo.followUpById(followUpId);
  if (!f) throw AppError.notFound('Oppfølgingspunktet');
  if (!policy.recordOutcome(ctx.actor, f.unit_id)) throw AppError.forbidden();
  const today = osloDate(ctx);
  const d: ErrorDetail[] = validateOutcome(input, today);
  if (input.checkKind && !CHECK_KINDS.includes(input.checkKind)) d.push({ field: 'checkKind', message: 'Kontrollen må være dokumentgjennomgang, revisjon eller måling' });
  if (input.outcome === 'deviation' && !(input.finding ?? '').trim()) d.push({ field: 'finding', message: 'Beskriv avviket' });
  if (d.length) throw AppError.validation('Resultatet kunne ikke lagres', d);
  return ctx.scope.transaction(async (scope) => {
    const set = {
      outcome: input.outcome,
      checked_on: input.checkedOn,
      check_kind: input.checkKind ?? f.check_kind,
      finding: (input.finding ?? '').trim() || null,
      sanction: input.outcome === 'met' ? null : (input.sanction ?? 'none'),
      sanction_date: input.outcome === 'met' ? null : (input.sanctionDate ?? null),
      deviation_closed_on: input.outcome === 'met' ? null : (input.deviationClosedOn ?? null),
      recorded_by_label: actorLabel(ctx.actor),
      updated_at: nowIso(ctx),
    };
    await procurementRepository(scope).updateFollowUp(followUpId, set);
    const view = presentFollowUp({ ...f, ...set }, today);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'pr_follow_up', entityId: followUpId, summary: `Oppfølging «${f.title}»: ${input.outcome === 'met' ? 'oppfylt' : 'avvik'}`, before: presentFollowUp(f, today), after: view });
    return view;
  });
}

export interface FollowUpDashboard {
  asOf: string;
  units: { unitId: string | null; unitName: string; overdue: number; deviationsOpen: number; upcoming: number; items: (FollowUpView & { supplierName: string; tenderTitle: string })[] }[];
  totals: { overdue: number; deviationsOpen: number; upcoming: number; contracts: number; contractsOnSchedule: number };
}

/** What suppliers still owe, per responsible unit: overdue items first, then open deviations, then what is due in the next 90 days. */
export async function followUpDashboard(ctx: Ctx): Promise<FollowUpDashboard> {
  mustRead(ctx);
  const contracts = await listContracts(ctx);
  const units = new Map((await organisationsRepository(ctx.scope).allUnits()).map((u) => [u.id, u.name]));
  const today = osloDate(ctx);
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10);
  const groups = new Map<string, FollowUpDashboard['units'][number]>();
  for (const c of contracts) {
    for (const f of c.followUps) {
      const relevant = f.status === 'overdue' || f.status === 'deviation_open' || (f.status === 'upcoming' && f.dueDate <= horizon);
      if (!relevant) continue;
      const key = f.unitId ?? '';
      const g = groups.get(key) ?? { unitId: f.unitId, unitName: f.unitId ? (units.get(f.unitId) ?? 'Ukjent enhet') : 'Uten ansvarlig enhet', overdue: 0, deviationsOpen: 0, upcoming: 0, items: [] };
      if (f.status === 'overdue') g.overdue++;
      else if (f.status === 'deviation_open') g.deviationsOpen++;
      else g.upcoming++;
      g.items.push({ ...f, supplierName: c.supplierName, tenderTitle: c.tenderTitle });
      groups.set(key, g);
    }
  }
  const order: Record<string, number> = { overdue: 0, deviation_open: 1, upcoming: 2 };
  const list = [...groups.values()].sort((a, b) => b.overdue - a.overdue || b.deviationsOpen - a.deviationsOpen || a.unitName.localeCompare(b.unitName, 'nb'));
  for (const g of list) g.items.sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9) || a.dueDate.localeCompare(b.dueDate));
  return {
    asOf: today,
    units: list,
    totals: {
      overdue: list.reduce((s, g) => s + g.overdue, 0),
      deviationsOpen: list.reduce((s, g) => s + g.deviationsOpen, 0),
      upcoming: list.reduce((s, g) => s + g.upcoming, 0),
      contracts: contracts.length,
      contractsOnSchedule: contracts.filter((c) => c.onSchedule).length,
    },
  };
}
