import {
  STATUS_ORDER,
  certificateStatus,
  childrenIndex,
  coverage,
  coveredUnitIds,
  findOverlaps,
  graceEnd,
  parseIsoOrNorwegianDate,
  statusRank,
  toScheme,
  unitStatuses,
  validateCertificateDates,
  validateScheme,
  type CertificateFacts,
  type CertStatus,
  type Coverage,
  type Scheme,
  type SchemeRules,
  type UnitNode,
  type UnitStatus,
} from '@omstilling/core';
import { AppError, type ErrorDetail } from '../platform/errors.js';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { uploadFile } from '../platform/files/files.service.js';
import type { Storage } from '../platform/files/storage.js';
import { organisationsRepository, type OrganisationRow, type UnitRow } from '../organisations/organisations.repository.js';
import { certificationRepository, type CertificateWithScope, type EvidenceRow } from './certification.repository.js';
import { certificationPolicy as policy } from './certification.policy.js';
import type { CertificationReference } from './certification.reference.js';

/** What certification services need besides the context: the reference data, and storage for evidence. */
export interface CertificationDeps {
  reference: CertificationReference;
  storage?: Storage;
}

export const today = (ctx: Pick<Ctx, 'now'>): string => nowIso(ctx).slice(0, 10);

/** Evidence files: PDF or image, at most 10 MB. */
export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Organisation kinds counted as local businesses for B1 (NGOs and public bodies are left out). */
export const BUSINESS_KINDS = ['business', 'shop', 'hotel', 'farm', 'social_enterprise'] as const;

const STATUS_NB: Record<CertStatus, string> = { certified: 'Sertifisert', expiring: 'Utløper snart', in_grace: 'Fornyelse forsinket', lapsed: 'Utløpt', in_progress: 'Under arbeid', none: 'Ikke startet' };
export const statusLabel = (s: CertStatus): string => STATUS_NB[s];

// ---------- schemes ----------

/** Built-in schemes first, then those the municipality's admins added. */
export async function schemesOf(ctx: Ctx, ref: CertificationReference): Promise<Scheme[]> {
  const custom = await certificationRepository(ctx.scope).customSchemes();
  const builtIn = new Set(ref.schemes.map((s) => s.key));
  return [
    ...ref.schemes,
    ...custom
      .filter((r) => !builtIn.has(r.key))
      .map((r) => toScheme({ key: r.key, name: { nb: r.name_nb, en: r.name_en }, description: { nb: r.description_nb, en: r.description_en }, url: r.url, ...(JSON.parse(r.rules) as SchemeRules) }, false)),
  ];
}

export async function listSchemes(ctx: Ctx, deps: CertificationDeps): Promise<Scheme[]> {
  if (!policy.readSchemes(ctx.actor)) throw AppError.forbidden();
  return schemesOf(ctx, deps.reference);
}

export interface SchemeInput {
  key: string;
  name: { nb: string; en: string };
  description?: { nb: string; en: string };
  url?: string | null;
  validityMonths: number;
  graceMonths: number;
  annualReport: { month: number; day: number } | null;
  surveillanceAuditsPerYear: number;
  countsForCoverage: boolean;
  holders: ('unit' | 'organisation')[];
}

/** An admin adds a scheme; its rules are data like the built-in ones'. */
export async function createScheme(ctx: Ctx, deps: CertificationDeps, input: SchemeInput): Promise<Scheme> {
  if (!policy.editSchemes(ctx.actor)) throw AppError.forbidden();
  const issues = validateScheme(input);
  if (issues.length) throw AppError.validation('Ordningen kunne ikke lagres', issues.map((i) => ({ field: i.field, message: i.message })));
  return ctx.scope.transaction(async (scope) => {
    const existing = await schemesOf({ ...ctx, scope }, deps.reference);
    if (existing.some((s) => s.key === input.key)) throw new AppError('conflict', 'Det finnes allerede en ordning med denne nøkkelen', [{ field: 'key', message: `Nøkkelen «${input.key}» er i bruk` }]);
    const at = nowIso(ctx);
    const rules: SchemeRules = { validityMonths: input.validityMonths, graceMonths: input.graceMonths, annualReport: input.annualReport, surveillanceAuditsPerYear: input.surveillanceAuditsPerYear, countsForCoverage: input.countsForCoverage, holders: input.holders };
    await certificationRepository(scope).insertScheme({ id: newId(), key: input.key, name_nb: input.name.nb.trim(), name_en: input.name.en.trim(), description_nb: input.description?.nb ?? '', description_en: input.description?.en ?? '', url: input.url ?? null, rules: JSON.stringify(rules), created_at: at, updated_at: at });
    const scheme = toScheme({ ...input, ...rules }, false);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'cert_scheme', entityId: input.key, summary: `Sertifiseringsordning «${scheme.name.nb}» lagt til`, after: scheme });
    return scheme;
  });
}

// ---------- the world as core sees it ----------

export const factsOf = (r: CertificateWithScope): CertificateFacts => ({
  id: r.id,
  schemeKey: r.scheme_key,
  holderUnitId: r.holder_unit_id,
  organisationId: r.organisation_id,
  scopeUnitIds: r.scope,
  includeSubunits: r.include_subunits === 1,
  startedOn: r.started_on,
  issuedOn: r.issued_on,
  validUntil: r.valid_until,
  withdrawnOn: r.withdrawn_on,
  supersedesId: r.supersedes_id,
  verification: r.verification as CertificateFacts['verification'],
});

const nodeOf = (u: UnitRow): UnitNode => ({ id: u.id, parentId: u.parent_id, kind: u.kind, staff: u.staff });

/** Units, certificates and schemes of the municipality, loaded once for a computation. */
export interface World {
  units: UnitRow[];
  unitById: Map<string, UnitRow>;
  nodes: UnitNode[];
  certificates: CertificateWithScope[];
  schemes: Scheme[];
  schemeByKey: Map<string, Scheme>;
}

export async function loadWorld(ctx: Ctx, ref: CertificationReference): Promise<World> {
  const units = await organisationsRepository(ctx.scope).allUnits();
  const certificates = await certificationRepository(ctx.scope).allCertificates();
  const schemes = await schemesOf(ctx, ref);
  return { units, unitById: new Map(units.map((u) => [u.id, u])), nodes: units.map(nodeOf), certificates, schemes, schemeByKey: new Map(schemes.map((s) => [s.key, s])) };
}

/** Every unit's status and the coverage figures on a date. */
export function statusesOn(world: World, date: string): { statuses: Map<string, UnitStatus>; coverage: Coverage } {
  const statuses = unitStatuses(world.nodes, world.certificates.filter((c) => c.holder_unit_id !== null).map(factsOf), world.schemeByKey, date);
  return { statuses, coverage: coverage(world.nodes, statuses, date) };
}

/** The top-level ancestor (the sector) of each unit. */
export function sectorsOf(units: readonly UnitRow[]): Map<string, UnitRow> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out = new Map<string, UnitRow>();
  for (const u of units) {
    let cur = u;
    for (let guard = 0; cur.parent_id && guard < 50; guard++) cur = byId.get(cur.parent_id) ?? cur;
    out.set(u.id, cur);
  }
  return out;
}

// ---------- presenting certificates ----------

export interface CertificateView {
  id: string;
  schemeKey: string;
  schemeName: { nb: string; en: string };
  holder: { kind: 'unit' | 'organisation'; id: string; name: string; orgNumber: string | null };
  scope: { id: string; name: string }[];
  includeSubunits: boolean;
  certificateNumber: string | null;
  issuer: string | null;
  startedOn: string | null;
  issuedOn: string | null;
  validUntil: string | null;
  withdrawnOn: string | null;
  supersedesId: string | null;
  verification: string;
  rejectionReason: string | null;
  verifiedBy: string | null;
  verifiedAt: string | null;
  note: string | null;
  registeredBy: string;
  createdAt: string;
  updatedAt: string;
  /** Status on the date asked for. */
  status: CertStatus;
  graceEnd: string | null;
  evidence: { fileId: string; filename: string; contentType: string; size: number; createdAt: string }[];
}

interface PresentContext {
  units: Map<string, { name: string }>;
  organisations: Map<string, { name: string; org_number: string }>;
  schemes: Map<string, Scheme>;
  evidence: EvidenceRow[];
  date: string;
}

function presentCertificate(r: CertificateWithScope, p: PresentContext): CertificateView {
  const scheme = p.schemes.get(r.scheme_key);
  const rules = scheme ?? { graceMonths: 0 };
  const holder = r.holder_unit_id
    ? { kind: 'unit' as const, id: r.holder_unit_id, name: p.units.get(r.holder_unit_id)?.name ?? '?', orgNumber: null }
    : { kind: 'organisation' as const, id: r.organisation_id ?? '', name: p.organisations.get(r.organisation_id ?? '')?.name ?? '?', orgNumber: p.organisations.get(r.organisation_id ?? '')?.org_number ?? null };
  return {
    id: r.id,
    schemeKey: r.scheme_key,
    schemeName: scheme?.name ?? { nb: r.scheme_key, en: r.scheme_key },
    holder,
    scope: r.scope.map((id) => ({ id, name: p.units.get(id)?.name ?? '?' })).sort((a, b) => a.name.localeCompare(b.name, 'nb')),
    includeSubunits: r.include_subunits === 1,
    certificateNumber: r.certificate_number,
    issuer: r.issuer,
    startedOn: r.started_on,
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
    withdrawnOn: r.withdrawn_on,
    supersedesId: r.supersedes_id,
    verification: r.verification,
    rejectionReason: r.rejection_reason,
    verifiedBy: r.verified_by_label,
    verifiedAt: r.verified_at,
    note: r.note,
    registeredBy: r.registered_by_label,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    status: certificateStatus(factsOf(r), rules, p.date),
    graceEnd: r.valid_until ? graceEnd(r.valid_until, rules) : null,
    evidence: p.evidence.filter((e) => e.certificate_id === r.id).map((e) => ({ fileId: e.file_id, filename: e.filename, contentType: e.content_type, size: Number(e.size), createdAt: e.created_at })),
  };
}

async function presenter(ctx: Ctx, ref: CertificationReference, rows: CertificateWithScope[], date: string): Promise<(r: CertificateWithScope) => CertificateView> {
  const orgRepo = organisationsRepository(ctx.scope);
  const units = new Map((await orgRepo.allUnits()).map((u) => [u.id, u]));
  const orgIds = [...new Set(rows.map((r) => r.organisation_id).filter((x): x is string => !!x))];
  const organisations = new Map<string, OrganisationRow>();
  for (const id of orgIds) {
    const o = await orgRepo.organisationById(id);
    if (o) organisations.set(id, o);
  }
  const schemes = new Map((await schemesOf(ctx, ref)).map((s) => [s.key, s]));
  const evidence = await certificationRepository(ctx.scope).evidenceOf(rows.map((r) => r.id));
  return (r) => presentCertificate(r, { units, organisations, schemes, evidence, date });
}

// ---------- certificates ----------

export interface CertificateFilter {
  holder?: 'unit' | 'organisation';
  verification?: string;
  organisationId?: string;
  unitId?: string;
  schemeKey?: string;
  date?: string;
}

/** Certificates: staff see all; a business user sees only their own organisation's. */
export async function listCertificates(ctx: Ctx, deps: CertificationDeps, filter: CertificateFilter = {}): Promise<CertificateView[]> {
  const a = ctx.actor;
  const business = a.kind === 'user' && a.role === 'business';
  if (!business && !policy.readInternal(a)) throw AppError.forbidden();
  const repo = certificationRepository(ctx.scope);
  let rows = business ? await repo.organisationCertificates(a.organisationId ?? '-') : await repo.allCertificates();
  if (filter.holder === 'unit') rows = rows.filter((r) => r.holder_unit_id !== null);
  if (filter.holder === 'organisation') rows = rows.filter((r) => r.organisation_id !== null);
  if (filter.verification) rows = rows.filter((r) => r.verification === filter.verification);
  if (filter.organisationId) rows = rows.filter((r) => r.organisation_id === filter.organisationId);
  if (filter.unitId) rows = rows.filter((r) => r.holder_unit_id === filter.unitId);
  if (filter.schemeKey) rows = rows.filter((r) => r.scheme_key === filter.schemeKey);
  const present = await presenter(ctx, deps.reference, rows, filter.date ?? today(ctx));
  return rows.map(present).sort((x, y) => (y.issuedOn ?? y.startedOn ?? '').localeCompare(x.issuedOn ?? x.startedOn ?? '') || x.holder.name.localeCompare(y.holder.name, 'nb'));
}

export async function getCertificate(ctx: Ctx, deps: CertificationDeps, id: string): Promise<CertificateView> {
  const row = await certificationRepository(ctx.scope).certificateById(id);
  if (!row) throw AppError.notFound('Sertifikatet');
  if (!policy.readCertificate(ctx.actor, row.organisation_id)) throw AppError.forbidden();
  return (await presenter(ctx, deps.reference, [row], today(ctx)))(row);
}

/** Pending certificates waiting for an editor, oldest first. */
export async function verificationQueue(ctx: Ctx, deps: CertificationDeps): Promise<CertificateView[]> {
  if (!policy.verify(ctx.actor)) throw AppError.forbidden();
  const rows = await certificationRepository(ctx.scope).pendingCertificates();
  const present = await presenter(ctx, deps.reference, rows, today(ctx));
  return rows.map(present);
}

export interface CertificateInput {
  schemeKey: string;
  holderUnitId?: string | null;
  organisationId?: string | null;
  scopeUnitIds?: string[];
  includeSubunits?: boolean;
  certificateNumber?: string | null;
  issuer?: string | null;
  startedOn?: string | null;
  issuedOn?: string | null;
  validUntil?: string | null;
  withdrawnOn?: string | null;
  supersedesId?: string | null;
  note?: string | null;
}

const DATE_FIELDS = ['startedOn', 'issuedOn', 'validUntil', 'withdrawnOn'] as const;
const trimOrNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/** The input's dates must be real calendar dates (yyyy-mm-dd); returns them normalised, or details. */
function datesOf(input: CertificateInput, d: ErrorDetail[]): Record<(typeof DATE_FIELDS)[number], string | null> {
  const out = {} as Record<(typeof DATE_FIELDS)[number], string | null>;
  for (const f of DATE_FIELDS) {
    const v = input[f];
    if (v === undefined || v === null || v === '') {
      out[f] = null;
      continue;
    }
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(v) ? parseIsoOrNorwegianDate(v) : null;
    if (!iso) d.push({ field: f, message: `Ugyldig dato: ${v} (bruk åååå-mm-dd)` });
    out[f] = iso;
  }
  return out;
}

/**
 * All checks of a certificate: one holder, a known scheme that allows that holder, real dates in the
 * scheme's validity, existing units, a renewal of the same holder and scheme, and no overlap with another
 * certificate of the same scheme for the same unit or organisation.
 */
async function validateCertificate(ctx: Ctx, ref: CertificationReference, input: CertificateInput, selfId: string | null): Promise<{ details: ErrorDetail[]; facts: CertificateFacts }> {
  const d: ErrorDetail[] = [];
  const repo = certificationRepository(ctx.scope);
  const orgRepo = organisationsRepository(ctx.scope);
  const holderUnitId = input.holderUnitId || null;
  const organisationId = input.organisationId || null;
  const scheme = (await schemesOf(ctx, ref)).find((s) => s.key === input.schemeKey);
  if (!scheme) d.push({ field: 'schemeKey', message: `Ukjent ordning: ${input.schemeKey}` });
  if ((holderUnitId === null) === (organisationId === null)) d.push({ field: holderUnitId ? 'organisationId' : 'holderUnitId', message: 'Velg enten en kommunal enhet eller en virksomhet som innehaver' });
  if (holderUnitId && !(await orgRepo.unitById(holderUnitId))) d.push({ field: 'holderUnitId', message: 'Enheten finnes ikke' });
  if (organisationId && !(await orgRepo.organisationById(organisationId))) d.push({ field: 'organisationId', message: 'Virksomheten finnes ikke' });
  if (scheme && holderUnitId && !scheme.holders.includes('unit')) d.push({ field: 'schemeKey', message: `${scheme.name.nb} kan ikke innehas av en kommunal enhet` });
  if (scheme && organisationId && !scheme.holders.includes('organisation')) d.push({ field: 'schemeKey', message: `${scheme.name.nb} kan ikke innehas av en virksomhet` });
  const scopeUnitIds = [...new Set(input.scopeUnitIds ?? [])].filter((id) => id !== holderUnitId);
  if (scopeUnitIds.length && !holderUnitId) d.push({ field: 'scopeUnitIds', message: 'Bare en kommunal enhet kan ha et omfang med andre enheter' });
  for (const id of scopeUnitIds) if (!(await orgRepo.unitById(id))) d.push({ field: 'scopeUnitIds', message: `Enheten ${id} i omfanget finnes ikke` });
  for (const [f, max] of [['certificateNumber', 60], ['issuer', 200], ['note', 2000]] as const) if ((input[f]?.length ?? 0) > max) d.push({ field: f, message: `Høyst ${max} tegn` });
  const dates = datesOf(input, d);
  if (scheme && !d.some((x) => DATE_FIELDS.includes(x.field as never))) for (const i of validateCertificateDates(dates, scheme.validityMonths)) d.push({ field: i.field, message: i.message });
  const facts: CertificateFacts = { id: selfId ?? 'new', schemeKey: input.schemeKey, holderUnitId, organisationId, scopeUnitIds, includeSubunits: input.includeSubunits ?? true, ...dates, supersedesId: input.supersedesId || null, verification: 'verified' };
  if (facts.supersedesId) {
    const prev = await repo.certificateById(facts.supersedesId);
    if (!prev || prev.id === selfId) d.push({ field: 'supersedesId', message: 'Sertifikatet som fornyes finnes ikke' });
    else if (prev.scheme_key !== input.schemeKey || prev.holder_unit_id !== holderUnitId || prev.organisation_id !== organisationId) d.push({ field: 'supersedesId', message: 'En fornyelse må gjelde samme ordning og samme innehaver' });
    else if (facts.issuedOn && prev.issued_on && facts.issuedOn <= prev.issued_on) d.push({ field: 'supersedesId', message: 'Fornyelsen må være utstedt etter sertifikatet den erstatter' });
  }
  if (d.length === 0 && scheme) {
    const all = (await repo.allCertificates()).filter((c) => c.verification !== 'rejected');
    const units = await orgRepo.unitTree();
    const names = new Map((await orgRepo.allUnits()).map((u) => [u.id, u.name]));
    for (const o of findOverlaps(facts, all.map(factsOf), units)) {
      const other = all.find((c) => c.id === o.certificateId)!;
      const shared = o.unitIds.map((id) => names.get(id) ?? id).sort((a, b) => a.localeCompare(b, 'nb'));
      const who = shared.length ? shared.slice(0, 3).join(', ') + (shared.length > 3 ? ` og ${shared.length - 3} til` : '') : 'virksomheten';
      d.push({
        field: 'issuedOn',
        message: `Overlapper med ${scheme.name.nb}-sertifikat${other.certificate_number ? ` nr. ${other.certificate_number}` : ''} (gyldig ${other.issued_on}–${other.valid_until}) for ${who} i perioden ${o.from}–${o.to}. Er dette en fornyelse, velg det forrige sertifikatet under «Fornyer».`,
      });
    }
  }
  return { details: d, facts };
}

/** Non-editors may only name units they manage in the scope of a certificate. */
function checkScopeAllowed(ctx: Ctx, scopeUnitIds: readonly string[]): void {
  if (policy.edit(ctx.actor)) return;
  const a = ctx.actor;
  const allowed = a.kind === 'user' ? a.unitScope : [];
  if (scopeUnitIds.some((id) => !allowed.includes(id))) throw AppError.forbidden('Du kan bare ta med dine egne enheter i omfanget');
}

/**
 * Registers a certificate. A certification editor's is verified at once; a unit manager's (own unit)
 * or a business user's (own organisation) waits as pending until an editor verifies it.
 */
export async function createCertificate(ctx: Ctx, deps: CertificationDeps, input: CertificateInput): Promise<CertificateView> {
  const editor = policy.edit(ctx.actor);
  if (!editor && !policy.register(ctx.actor, input.holderUnitId ?? null, input.organisationId ?? null)) throw AppError.forbidden();
  checkScopeAllowed(ctx, input.scopeUnitIds ?? []);
  return ctx.scope.transaction(async (scope) => {
    const tctx = { ...ctx, scope };
    const { details, facts } = await validateCertificate(tctx, deps.reference, input, null);
    if (details.length) throw AppError.validation('Sertifikatet kunne ikke lagres', details);
    const at = nowIso(ctx);
    const row = {
      id: newId(),
      scheme_key: facts.schemeKey,
      holder_unit_id: facts.holderUnitId,
      organisation_id: facts.organisationId,
      certificate_number: trimOrNull(input.certificateNumber),
      issuer: trimOrNull(input.issuer),
      started_on: facts.startedOn,
      issued_on: facts.issuedOn,
      valid_until: facts.validUntil,
      withdrawn_on: facts.withdrawnOn,
      supersedes_id: facts.supersedesId,
      include_subunits: facts.includeSubunits ? 1 : 0,
      verification: editor ? 'verified' : 'pending',
      rejection_reason: null,
      verified_by_label: editor ? actorLabel(ctx.actor) : null,
      verified_at: editor ? at : null,
      note: trimOrNull(input.note),
      registered_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      registered_by_label: actorLabel(ctx.actor),
      created_at: at,
      updated_at: at,
    };
    await certificationRepository(scope).insertCertificate(row, facts.scopeUnitIds);
    const full = { ...row, municipality_id: scope.municipalityId, scope: [...facts.scopeUnitIds] };
    const view = (await presenter(tctx, deps.reference, [full], today(ctx)))(full);
    await recordAudit(tctx, { action: 'create', entityType: 'cert_certificate', entityId: row.id, summary: `Sertifikat (${view.schemeName.nb}) registrert for ${view.holder.name}${editor ? '' : ', venter på kontroll'}`, after: view });
    return view;
  });
}

/** Changes a certificate: editors always; the one who registered it (own unit/organisation) while it is not verified. */
export async function updateCertificate(ctx: Ctx, deps: CertificationDeps, id: string, patch: Partial<CertificateInput>): Promise<CertificateView> {
  return ctx.scope.transaction(async (scope) => {
    const tctx = { ...ctx, scope };
    const repo = certificationRepository(scope);
    const before = await repo.certificateById(id);
    if (!before) throw AppError.notFound('Sertifikatet');
    const editor = policy.edit(ctx.actor);
    const mayEdit = editor || (before.verification !== 'verified' && policy.register(ctx.actor, before.holder_unit_id, before.organisation_id));
    if (!mayEdit) throw AppError.forbidden(before.verification === 'verified' && policy.register(ctx.actor, before.holder_unit_id, before.organisation_id) ? 'Et kontrollert sertifikat kan bare endres av kommunen' : undefined);
    const merged: CertificateInput = {
      schemeKey: patch.schemeKey ?? before.scheme_key,
      holderUnitId: before.holder_unit_id,
      organisationId: before.organisation_id,
      scopeUnitIds: patch.scopeUnitIds ?? before.scope,
      includeSubunits: patch.includeSubunits ?? before.include_subunits === 1,
      certificateNumber: patch.certificateNumber !== undefined ? patch.certificateNumber : before.certificate_number,
      issuer: patch.issuer !== undefined ? patch.issuer : before.issuer,
      startedOn: patch.startedOn !== undefined ? patch.startedOn : before.started_on,
      issuedOn: patch.issuedOn !== undefined ? patch.issuedOn : before.issued_on,
      validUntil: patch.validUntil !== undefined ? patch.validUntil : before.valid_until,
      withdrawnOn: patch.withdrawnOn !== undefined ? patch.withdrawnOn : before.withdrawn_on,
      supersedesId: patch.supersedesId !== undefined ? patch.supersedesId : before.supersedes_id,
      note: patch.note !== undefined ? patch.note : before.note,
    };
    if (patch.scopeUnitIds) checkScopeAllowed(ctx, patch.scopeUnitIds);
    const { details, facts } = await validateCertificate(tctx, deps.reference, merged, id);
    if (details.length) throw AppError.validation('Sertifikatet kunne ikke lagres', details);
    const set = {
      scheme_key: facts.schemeKey,
      certificate_number: trimOrNull(merged.certificateNumber),
      issuer: trimOrNull(merged.issuer),
      started_on: facts.startedOn,
      issued_on: facts.issuedOn,
      valid_until: facts.validUntil,
      withdrawn_on: facts.withdrawnOn,
      supersedes_id: facts.supersedesId,
      include_subunits: facts.includeSubunits ? 1 : 0,
      note: trimOrNull(merged.note),
      // A rejected certificate that its owner corrects goes back in the queue.
      ...(!editor && before.verification === 'rejected' ? { verification: 'pending', rejection_reason: null } : {}),
      updated_at: nowIso(ctx),
    };
    await repo.updateCertificate(id, set, facts.scopeUnitIds);
    const present = await presenter(tctx, deps.reference, [before], today(ctx));
    const after = present({ ...before, ...set, scope: [...facts.scopeUnitIds] });
    await recordAudit(tctx, { action: 'update', entityType: 'cert_certificate', entityId: id, summary: `Sertifikat (${after.schemeName.nb}) for ${after.holder.name} endret`, before: present(before), after });
    return after;
  });
}

/** An editor verifies a pending certificate, or rejects it with a reason the registrant sees. */
export async function verifyCertificate(ctx: Ctx, deps: CertificationDeps, id: string, input: { decision: 'verified' | 'rejected'; reason?: string | null }): Promise<CertificateView> {
  return ctx.scope.transaction(async (scope) => {
    const tctx = { ...ctx, scope };
    const repo = certificationRepository(scope);
    const before = await repo.certificateById(id);
    if (!before) throw AppError.notFound('Sertifikatet');
    if (!policy.verify(ctx.actor)) throw AppError.forbidden();
    const reason = trimOrNull(input.reason);
    if (input.decision !== 'verified' && input.decision !== 'rejected') throw AppError.validation('Ugyldig beslutning', [{ field: 'decision', message: 'Velg godkjent eller avvist' }]);
    if (input.decision === 'rejected' && (!reason || reason.length < 5)) throw AppError.validation('Oppgi en begrunnelse', [{ field: 'reason', message: 'En avvisning må ha en begrunnelse (minst 5 tegn) som virksomheten ser' }]);
    if ((reason?.length ?? 0) > 1000) throw AppError.validation('For lang begrunnelse', [{ field: 'reason', message: 'Høyst 1000 tegn' }]);
    if (before.verification !== 'pending') throw new AppError('conflict', before.verification === 'verified' ? 'Sertifikatet er allerede godkjent' : 'Sertifikatet er allerede avvist', [{ field: 'decision', message: 'Bare sertifikater som venter på kontroll kan behandles' }]);
    if (input.decision === 'verified') {
      // Approving must not create an overlap with a certificate verified meanwhile.
      const { details } = await validateCertificate(tctx, deps.reference, { schemeKey: before.scheme_key, holderUnitId: before.holder_unit_id, organisationId: before.organisation_id, scopeUnitIds: before.scope, includeSubunits: before.include_subunits === 1, startedOn: before.started_on, issuedOn: before.issued_on, validUntil: before.valid_until, withdrawnOn: before.withdrawn_on, supersedesId: before.supersedes_id }, id);
      if (details.length) throw AppError.validation('Sertifikatet kan ikke godkjennes', details);
    }
    const at = nowIso(ctx);
    const set = { verification: input.decision, rejection_reason: input.decision === 'rejected' ? reason : null, verified_by_label: actorLabel(ctx.actor), verified_at: at, updated_at: at };
    await repo.updateCertificate(id, set);
    const present = await presenter(tctx, deps.reference, [before], today(ctx));
    const after = present({ ...before, ...set });
    await recordAudit(tctx, { action: 'update', entityType: 'cert_certificate', entityId: id, summary: input.decision === 'verified' ? `Sertifikat for ${after.holder.name} godkjent` : `Sertifikat for ${after.holder.name} avvist: ${reason}`, before: present(before), after });
    return after;
  });
}

/** Attaches an evidence file (PDF, PNG or JPEG, at most 10 MB) to a certificate; a bad file writes nothing. */
export async function addEvidence(ctx: Ctx, deps: CertificationDeps, id: string, file: { filename: string; contentType: string; data: Buffer }): Promise<CertificateView> {
  const repo = certificationRepository(ctx.scope);
  const cert = await repo.certificateById(id);
  if (!cert) throw AppError.notFound('Sertifikatet');
  if (!policy.edit(ctx.actor) && !policy.register(ctx.actor, cert.holder_unit_id, cert.organisation_id)) throw AppError.forbidden();
  if (!(EVIDENCE_TYPES as readonly string[]).includes(file.contentType)) throw new AppError('unsupported_media_type', 'Vedlegget må være PDF, PNG eller JPEG', [{ field: 'file', message: `${file.filename} (${file.contentType}) er ikke PDF, PNG eller JPEG` }]);
  if (file.data.length > MAX_EVIDENCE_BYTES) throw new AppError('payload_too_large', 'Vedlegget er for stort (høyst 10 MB)', [{ field: 'file', message: `${file.filename} er ${(file.data.length / 1024 / 1024).toFixed(1).replace('.', ',')} MB; høyst 10 MB` }]);
  if (!deps.storage) throw new AppError('internal', 'Lagring er ikke satt opp');
  const storage = deps.storage;
  return ctx.scope.transaction(async (scope) => {
    const tctx = { ...ctx, scope };
    const stored = await uploadFile(tctx, storage, { filename: file.filename, contentType: file.contentType, data: file.data, domain: 'certification', ownerUnitId: cert.holder_unit_id, ownerOrganisationId: cert.organisation_id });
    await certificationRepository(scope).insertEvidence({ id: newId(), certificate_id: id, file_id: stored.id, created_at: nowIso(ctx) });
    await recordAudit(tctx, { action: 'update', entityType: 'cert_certificate', entityId: id, summary: `Dokumentasjon «${stored.filename}» lagt ved sertifikatet`, after: { fileId: stored.id, filename: stored.filename, size: stored.size } });
    const fresh = (await certificationRepository(scope).certificateById(id))!;
    return (await presenter(tctx, deps.reference, [fresh], today(ctx)))(fresh);
  });
}

// ---------- status, register, map, unit page ----------

export interface UnitStatusView {
  unitId: string;
  key: string;
  name: string;
  kind: string;
  type: string;
  parentId: string | null;
  sectorId: string;
  sectorName: string;
  place: string | null;
  staff: number;
  status: CertStatus;
  schemeKey: string | null;
  schemeName: string | null;
  certificateId: string | null;
  validUntil: string | null;
  viaScope: boolean;
  holderName: string | null;
}

/** Every unit with its status on a date, and the coverage figures (the data behind the register, the map and the CLI). */
export async function statusOverview(ctx: Ctx, deps: CertificationDeps, date: string, options: { skipPolicy?: boolean } = {}): Promise<{ date: string; coverage: Coverage; units: UnitStatusView[]; byScheme: { schemeKey: string; name: string; units: number }[] }> {
  if (!options.skipPolicy && !policy.readInternal(ctx.actor)) throw AppError.forbidden();
  const world = await loadWorld(ctx, deps.reference);
  const { statuses, coverage: cov } = statusesOn(world, date);
  const sectors = sectorsOf(world.units);
  const certById = new Map(world.certificates.map((c) => [c.id, c]));
  const units = world.units.map((u): UnitStatusView => {
    const s = statuses.get(u.id)!;
    const cert = s.certificateId ? certById.get(s.certificateId) : undefined;
    const sector = sectors.get(u.id)!;
    return {
      unitId: u.id,
      key: u.key,
      name: u.name,
      kind: u.kind,
      type: u.type,
      parentId: u.parent_id,
      sectorId: sector.id,
      sectorName: sector.name,
      place: u.place,
      staff: u.staff,
      status: s.status,
      schemeKey: s.schemeKey,
      schemeName: s.schemeKey ? (world.schemeByKey.get(s.schemeKey)?.name.nb ?? s.schemeKey) : null,
      certificateId: s.certificateId,
      validUntil: s.validUntil,
      viaScope: s.viaScope,
      holderName: cert?.holder_unit_id ? (world.unitById.get(cert.holder_unit_id)?.name ?? null) : null,
    };
  });
  const byScheme = world.schemes.map((sc) => ({ schemeKey: sc.key, name: sc.name.nb, units: units.filter((u) => u.kind === 'unit' && u.schemeKey === sc.key && ['certified', 'expiring', 'in_grace'].includes(u.status)).length }));
  return { date, coverage: cov, units, byScheme };
}

export const REGISTER_SORTS = ['name', 'status', 'validUntil', 'staff', 'sector', 'place', 'scheme'] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

export interface RegisterQuery {
  date?: string;
  q?: string;
  status?: string;
  scheme?: string;
  sector?: string;
  type?: string;
  kind?: string;
  sort?: RegisterSort;
  dir?: 'asc' | 'desc';
}

/** The register: units with their status on a date, filtered and sorted (pagination is the caller's). */
export async function registerRows(ctx: Ctx, deps: CertificationDeps, query: RegisterQuery): Promise<{ date: string; coverage: Coverage; rows: UnitStatusView[] }> {
  const date = query.date ?? today(ctx);
  const o = await statusOverview(ctx, deps, date);
  const statuses = query.status ? query.status.split(',') : null;
  const kind = query.kind ?? 'unit';
  const q = query.q?.trim().toLocaleLowerCase('nb');
  let rows = o.units.filter((u) => (kind === 'all' || u.kind === kind) && (!statuses || statuses.includes(u.status)) && (!query.scheme || u.schemeKey === query.scheme) && (!query.sector || u.sectorId === query.sector) && (!query.type || u.type === query.type));
  if (q) rows = rows.filter((u) => u.name.toLocaleLowerCase('nb').includes(q) || (u.place ?? '').toLocaleLowerCase('nb').includes(q) || u.key.includes(q));
  const sort = query.sort ?? 'name';
  const by: Record<RegisterSort, (a: UnitStatusView, b: UnitStatusView) => number> = {
    name: () => 0,
    status: (a, b) => statusRank(a.status) - statusRank(b.status),
    validUntil: (a, b) => (a.validUntil ?? '9999').localeCompare(b.validUntil ?? '9999'),
    staff: (a, b) => a.staff - b.staff,
    sector: (a, b) => a.sectorName.localeCompare(b.sectorName, 'nb'),
    place: (a, b) => (a.place ?? '').localeCompare(b.place ?? '', 'nb'),
    scheme: (a, b) => (a.schemeName ?? '~').localeCompare(b.schemeName ?? '~', 'nb'),
  };
  const sign = query.dir === 'desc' ? -1 : 1;
  rows = [...rows].sort((a, b) => sign * (by[sort](a, b) || a.name.localeCompare(b.name, 'nb')) || a.unitId.localeCompare(b.unitId));
  return { date, coverage: o.coverage, rows };
}

export interface MapView {
  date: string;
  boundary: number[][][][] | null;
  attribution: string | null;
  points: { unitId: string; name: string; status: CertStatus; lat: number; lon: number; place: string | null }[];
  unplaced: { unitId: string; name: string; status: CertStatus; place: string | null }[];
}

/** Units as points on the municipality's boundary (units without a location are listed apart). */
export async function mapView(ctx: Ctx, deps: CertificationDeps, date: string, boundary: number[][][][] | null): Promise<MapView> {
  const o = await statusOverview(ctx, deps, date);
  const loc = new Map((await certificationRepository(ctx.scope).locations()).map((l) => [l.unit_id, l]));
  const counted = o.units.filter((u) => u.kind === 'unit');
  const points = counted.filter((u) => loc.has(u.unitId)).map((u) => ({ unitId: u.unitId, name: u.name, status: u.status, lat: Number(loc.get(u.unitId)!.lat), lon: Number(loc.get(u.unitId)!.lon), place: u.place }));
  const unplaced = counted.filter((u) => !loc.has(u.unitId)).map((u) => ({ unitId: u.unitId, name: u.name, status: u.status, place: u.place }));
  return { date, boundary, attribution: boundary ? '© Kartverket' : null, points, unplaced };
}

/** The certificates covering a unit (its own, a parent's with sub-units, or a head office's scope), newest first. */
export async function certificatesCovering(ctx: Ctx, deps: CertificationDeps, unitId: string, date: string): Promise<CertificateView[]> {
  const repo = certificationRepository(ctx.scope);
  const rows = await repo.unitCertificates();
  const children = childrenIndex(await organisationsRepository(ctx.scope).unitTree());
  const mine = rows.filter((r) => coveredUnitIds(factsOf(r), children).has(unitId));
  const present = await presenter(ctx, deps.reference, mine, date);
  return mine.map(present).sort((a, b) => (b.issuedOn ?? b.startedOn ?? '').localeCompare(a.issuedOn ?? a.startedOn ?? ''));
}

export { STATUS_ORDER };
