import { ORGANISATION_KINDS, UNIT_KINDS, UNIT_TYPES, filterByMunicipality, isValidOrgNumber, normaliseOrgNumber, parseBrregDocument, type BrregEntity } from '@omstilling/core';
import { AppError, type ErrorDetail } from '../platform/errors.js';
import { nowIso, type Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { organisationsRepository, type OrganisationFilter, type OrganisationRow, type UnitRow } from './organisations.repository.js';
import { organisationsPolicy as policy } from './organisations.policy.js';


export interface UnitView {
  id: string;
  key: string;
  parentId: string | null;
  kind: string;
  type: string;
  name: string;
  address: string | null;
  postalCode: string | null;
  place: string | null;
  staff: number;
}

export interface OrganisationView {
  id: string;
  orgNumber: string;
  name: string;
  kind: string;
  industryCode: string | null;
  address: string | null;
  postalCode: string | null;
  place: string | null;
  municipalityNumber: string | null;
  employees: number | null;
  website: string | null;
  parentOrgNumber: string | null;
  source: string;
  updatedAt: string;
}

export const presentUnit = (r: UnitRow): UnitView => ({ id: r.id, key: r.key, parentId: r.parent_id, kind: r.kind, type: r.type, name: r.name, address: r.address, postalCode: r.postal_code, place: r.place, staff: r.staff });

export const presentOrganisation = (r: OrganisationRow): OrganisationView => ({
  id: r.id,
  orgNumber: r.org_number,
  name: r.name,
  kind: r.kind,
  industryCode: r.industry_code,
  address: r.address,
  postalCode: r.postal_code,
  place: r.place,
  municipalityNumber: r.municipality_number,
  employees: r.employees,
  website: r.website,
  parentOrgNumber: r.parent_org_number,
  source: r.source,
  updatedAt: r.updated_at,
});

// ---------- municipal units ----------

/** The municipality's own units, flat; the client builds the tree from parentId. */
export async function listUnits(ctx: Ctx): Promise<UnitView[]> {
  if (!policy.readUnits(ctx.actor)) throw AppError.forbidden();
  return (await organisationsRepository(ctx.scope).allUnits()).map(presentUnit);
}

export async function getUnit(ctx: Ctx, id: string): Promise<UnitView> {
  if (!policy.readUnits(ctx.actor)) throw AppError.forbidden();
  const row = await organisationsRepository(ctx.scope).unitById(id);
  if (!row) throw AppError.notFound('Enheten');
  return presentUnit(row);
}

export interface UnitInput {
  key?: string;
  parentId: string | null;
  kind: string;
  type: string;
  name: string;
  address?: string | null;
  postalCode?: string | null;
  place?: string | null;
  staff?: number;
}

async function validateUnit(ctx: Ctx, input: UnitInput, selfId: string | null): Promise<ErrorDetail[]> {
  const d: ErrorDetail[] = [];
  if (!input.name?.trim()) d.push({ field: 'name', message: 'Navn må fylles ut' });
  if (!(UNIT_KINDS as readonly string[]).includes(input.kind)) d.push({ field: 'kind', message: `Ukjent nivå: ${input.kind}` });
  if (!(UNIT_TYPES as readonly string[]).includes(input.type)) d.push({ field: 'type', message: `Ukjent type: ${input.type}` });
  if (input.postalCode && !/^\d{4}$/.test(input.postalCode)) d.push({ field: 'postalCode', message: 'Postnummer må ha fire sifre' });
  if (input.staff !== undefined && (!Number.isInteger(input.staff) || input.staff < 0)) d.push({ field: 'staff', message: 'Antall ansatte må være et heltall ≥ 0' });
  if (input.key !== undefined && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(input.key)) d.push({ field: 'key', message: 'Nøkkelen kan bare ha små bokstaver a–z, sifre og bindestrek' });
  if (input.parentId) {
    const repo = organisationsRepository(ctx.scope);
    if (!(await repo.unitById(input.parentId))) d.push({ field: 'parentId', message: 'Overordnet enhet finnes ikke' });
    else if (selfId) {
      // A unit may not be moved under itself or one of its descendants.
      let cursor: string | null = input.parentId;
      const tree = new Map((await repo.unitTree()).map((u) => [u.id, u.parentId]));
      while (cursor) {
        if (cursor === selfId) {
          d.push({ field: 'parentId', message: 'En enhet kan ikke ligge under seg selv' });
          break;
        }
        cursor = tree.get(cursor) ?? null;
      }
    }
  }
  return d;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

export async function createUnit(ctx: Ctx, input: UnitInput): Promise<UnitView> {
  if (!policy.editUnits(ctx.actor)) throw AppError.forbidden();
  const d = await validateUnit(ctx, input, null);
  if (d.length) throw AppError.validation('Enheten kunne ikke lagres', d);
  return ctx.scope.transaction(async (scope) => {
    const repo = organisationsRepository(scope);
    const key = input.key ?? slug(input.name);
    if (await repo.unitByKey(key)) throw new AppError('conflict', 'Det finnes allerede en enhet med denne nøkkelen', [{ field: 'key', message: `Nøkkelen «${key}» er i bruk` }]);
    const at = nowIso(ctx);
    const row = { id: newId(), key, parent_id: input.parentId, kind: input.kind, type: input.type, name: input.name.trim(), address: input.address ?? null, postal_code: input.postalCode ?? null, place: input.place ?? null, staff: input.staff ?? 0, created_at: at, updated_at: at };
    await repo.insertUnit(row);
    const view = presentUnit({ ...row, municipality_id: scope.municipalityId });
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'org_unit', entityId: row.id, summary: `Enhet «${row.name}» opprettet`, after: view });
    return view;
  });
}

export async function updateUnit(ctx: Ctx, id: string, input: UnitInput): Promise<UnitView> {
  if (!policy.editUnits(ctx.actor)) throw AppError.forbidden();
  const d = await validateUnit(ctx, input, id);
  if (d.length) throw AppError.validation('Enheten kunne ikke lagres', d);
  return ctx.scope.transaction(async (scope) => {
    const repo = organisationsRepository(scope);
    const before = await repo.unitById(id);
    if (!before) throw AppError.notFound('Enheten');
    const patch = { parent_id: input.parentId, kind: input.kind, type: input.type, name: input.name.trim(), address: input.address ?? null, postal_code: input.postalCode ?? null, place: input.place ?? null, staff: input.staff ?? before.staff, updated_at: nowIso(ctx) };
    await repo.updateUnit(id, patch);
    const after = presentUnit({ ...before, ...patch });
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'org_unit', entityId: id, summary: `Enhet «${after.name}» endret`, before: presentUnit(before), after });
    return after;
  });
}

// ---------- external organisations ----------

export async function listOrganisations(ctx: Ctx, filter: OrganisationFilter, page: { limit: number; offset: number }) {
  if (ctx.actor.kind === 'user' && ctx.actor.role === 'business') {
    // A business user's "list" is their own organisation only.
    const own = ctx.actor.organisationId ? await organisationsRepository(ctx.scope).organisationById(ctx.actor.organisationId) : undefined;
    return { items: own ? [presentOrganisation(own)] : [], total: own ? 1 : 0 };
  }
  if (!policy.readOrganisations(ctx.actor)) throw AppError.forbidden();
  const { rows, total } = await organisationsRepository(ctx.scope).listOrganisations(filter, page.limit, page.offset);
  return { items: rows.map(presentOrganisation), total };
}

export async function getOrganisation(ctx: Ctx, id: string): Promise<OrganisationView> {
  if (!policy.readOrganisation(ctx.actor, id)) throw ctx.actor.kind === 'anonymous' ? new AppError('unauthenticated', 'Logg inn først') : AppError.forbidden();
  const row = await organisationsRepository(ctx.scope).organisationById(id);
  if (!row) throw AppError.notFound('Virksomheten');
  return presentOrganisation(row);
}

export interface OrganisationInput {
  orgNumber: string;
  name: string;
  kind: string;
  industryCode?: string | null;
  address?: string | null;
  postalCode?: string | null;
  place?: string | null;
  municipalityNumber?: string | null;
  employees?: number | null;
  website?: string | null;
}

/** Field-level checks shared by the form, the API and imports. */
export function validateOrganisation(input: OrganisationInput, knownIndustryCodes: ReadonlySet<string> | null): ErrorDetail[] {
  const d: ErrorDetail[] = [];
  const nr = normaliseOrgNumber(input.orgNumber ?? '');
  if (!nr) d.push({ field: 'orgNumber', message: 'Organisasjonsnummeret må ha ni sifre' });
  else if (!isValidOrgNumber(nr)) d.push({ field: 'orgNumber', message: 'Organisasjonsnummeret har feil kontrollsiffer (MOD11)' });
  if (!input.name?.trim()) d.push({ field: 'name', message: 'Navn må fylles ut' });
  if (!(ORGANISATION_KINDS as readonly string[]).includes(input.kind)) d.push({ field: 'kind', message: `Ukjent type: ${input.kind}` });
  if (input.industryCode) {
    if (!/^\d{2}\.\d{1,3}$/.test(input.industryCode)) d.push({ field: 'industryCode', message: 'Næringskoden må ha formen 46.690 (SN2007)' });
    else if (knownIndustryCodes && !knownIndustryCodes.has(input.industryCode)) d.push({ field: 'industryCode', message: `Næringskoden ${input.industryCode} finnes ikke i SN2007` });
  }
  if (input.postalCode && !/^\d{4}$/.test(input.postalCode)) d.push({ field: 'postalCode', message: 'Postnummer må ha fire sifre' });
  if (input.municipalityNumber && !/^\d{4}$/.test(input.municipalityNumber)) d.push({ field: 'municipalityNumber', message: 'Kommunenummer må ha fire sifre' });
  if (input.employees != null && (!Number.isInteger(input.employees) || input.employees < 0)) d.push({ field: 'employees', message: 'Antall ansatte må være et heltall ≥ 0' });
  if (input.website && !/^https?:\/\//.test(input.website)) d.push({ field: 'website', message: 'Nettadressen må begynne med http:// eller https://' });
  return d;
}

/** The columns an organisation's input sets (the org. number normalised to nine digits). */
export function organisationColumns(input: OrganisationInput) {
  return {
    org_number: normaliseOrgNumber(input.orgNumber) ?? input.orgNumber,
    name: input.name.trim(),
    kind: input.kind,
    industry_code: input.industryCode ?? null,
    address: input.address ?? null,
    postal_code: input.postalCode ?? null,
    place: input.place ?? null,
    municipality_number: input.municipalityNumber ?? null,
    employees: input.employees ?? null,
    website: input.website ?? null,
  };
}

export interface OrganisationsDeps {
  industryCodes: ReadonlySet<string> | null;
}

export async function createOrganisation(ctx: Ctx, deps: OrganisationsDeps, input: OrganisationInput, source = 'manual'): Promise<OrganisationView> {
  if (!policy.editOrganisations(ctx.actor)) throw AppError.forbidden();
  const d = validateOrganisation(input, deps.industryCodes);
  if (d.length) throw AppError.validation('Virksomheten kunne ikke lagres', d);
  return ctx.scope.transaction(async (scope) => {
    const repo = organisationsRepository(scope);
    const orgNumber = normaliseOrgNumber(input.orgNumber)!;
    if (await repo.organisationByNumber(orgNumber)) throw new AppError('conflict', 'Virksomheten er allerede registrert', [{ field: 'orgNumber', message: `Organisasjonsnummer ${orgNumber} er allerede registrert` }]);
    const at = nowIso(ctx);
    const row = {
      id: newId(),
      ...organisationColumns(input),
      parent_org_number: null,
      source,
      created_at: at,
      updated_at: at,
    };
    await repo.insertOrganisation(row);
    const view = presentOrganisation({ ...row, municipality_id: scope.municipalityId });
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'organisation', entityId: row.id, summary: `Virksomhet «${row.name}» registrert`, after: view });
    return view;
  });
}

export async function updateOrganisation(ctx: Ctx, deps: OrganisationsDeps, id: string, input: OrganisationInput): Promise<OrganisationView> {
  if (!policy.editOrganisation(ctx.actor, id)) throw AppError.forbidden();
  const d = validateOrganisation(input, deps.industryCodes);
  if (d.length) throw AppError.validation('Virksomheten kunne ikke lagres', d);
  return ctx.scope.transaction(async (scope) => {
    const repo = organisationsRepository(scope);
    const before = await repo.organisationById(id);
    if (!before) throw AppError.notFound('Virksomheten');
    const orgNumber = normaliseOrgNumber(input.orgNumber)!;
    const clash = await repo.organisationByNumber(orgNumber);
    if (clash && clash.id !== id) throw new AppError('conflict', 'Organisasjonsnummeret tilhører en annen virksomhet', [{ field: 'orgNumber', message: `Organisasjonsnummer ${orgNumber} er i bruk` }]);
    const patch = {
      ...organisationColumns(input),
      updated_at: nowIso(ctx),
    };
    await repo.updateOrganisation(id, patch);
    const after = presentOrganisation({ ...before, ...patch });
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'organisation', entityId: id, summary: `Virksomhet «${after.name}» endret`, before: presentOrganisation(before), after });
    return after;
  });
}

export async function deleteOrganisation(ctx: Ctx, id: string): Promise<void> {
  if (!policy.editOrganisations(ctx.actor)) throw AppError.forbidden();
  await ctx.scope.transaction(async (scope) => {
    const repo = organisationsRepository(scope);
    const before = await repo.organisationById(id);
    if (!before) throw AppError.notFound('Virksomheten');
    const users = await scope.selectFrom('app_user').select('id').where('organisation_id', '=', id).execute();
    if (users.length) throw new AppError('conflict', 'Virksomheten har brukere og kan ikke slettes');
    await repo.deleteOrganisation(id);
    await recordAudit({ ...ctx, scope }, { action: 'delete', entityType: 'organisation', entityId: id, summary: `Virksomhet «${before.name}» slettet`, before: presentOrganisation(before) });
  });
}

export interface BrregImportResult {
  kind: string;
  inFile: number;
  inMunicipality: number;
  created: number;
  updated: number;
  unchanged: number;
  issues: ErrorDetail[];
}

const BRREG_KIND = (e: BrregEntity): string => {
  const code = e.industryCode ?? '';
  if (e.orgForm === 'FLI' || e.orgForm === 'STI') return 'ngo';
  if (code.startsWith('01')) return 'farm';
  if (code.startsWith('55')) return 'hotel';
  if (code.startsWith('47')) return 'shop';
  if (['KOMM', 'STAT', 'ORGL', 'FYLK', 'KF', 'IKS'].includes(e.orgForm ?? '')) return 'public';
  return 'business';
};

/**
 * Imports organisations from a Brønnøysund JSON document (page response or bulk array),
 * keeping only those in the municipality's current and former numbers. All or nothing:
 * a document with bad entries writes nothing. Importing the same file twice changes nothing.
 */
export async function importBrreg(ctx: Ctx, json: unknown, municipalityNumbers: string[], fileName: string): Promise<BrregImportResult> {
  if (!policy.editOrganisations(ctx.actor)) throw AppError.forbidden();
  let parsed;
  try {
    parsed = parseBrregDocument(json);
  } catch (e) {
    throw new AppError('import_failed', `${fileName}: ${e instanceof Error ? e.message : String(e)}`, [{ file: fileName, message: e instanceof Error ? e.message : String(e) }]);
  }
  const issues: ErrorDetail[] = parsed.issues.map((i: { index: number; path: string; message: string }) => ({ file: fileName, line: i.index + 1, field: i.path, message: i.message }));
  if (issues.length) throw new AppError('import_failed', `${fileName}: ${issues.length} oppføringer har feil; ingenting er importert`, issues);
  const local = filterByMunicipality(parsed.entities, municipalityNumbers).filter((e) => !e.deleted);
  const result: BrregImportResult = { kind: parsed.kind, inFile: parsed.entities.length, inMunicipality: local.length, created: 0, updated: 0, unchanged: 0, issues: [] };
  await ctx.scope.transaction(async (scope) => {
    const repo = organisationsRepository(scope);
    const at = nowIso(ctx);
    for (const e of local) {
      const fields = {
        name: e.name,
        industry_code: e.industryCode,
        address: e.address,
        postal_code: e.postalCode,
        place: e.place,
        municipality_number: e.municipalityNumber,
        employees: e.employees,
        website: e.website ? (/^https?:\/\//.test(e.website) ? e.website : `https://${e.website}`) : null,
        parent_org_number: e.parentOrgNumber,
      };
      const existing = await repo.organisationByNumber(e.orgNumber);
      if (!existing) {
        await repo.insertOrganisation({ id: newId(), org_number: e.orgNumber, kind: BRREG_KIND(e), source: 'brreg', created_at: at, updated_at: at, ...fields });
        result.created++;
      } else if ((Object.keys(fields) as (keyof typeof fields)[]).some((k) => existing[k] !== fields[k])) {
        await repo.updateOrganisation(existing.id, { ...fields, updated_at: at });
        result.updated++;
      } else result.unchanged++;
    }
    await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'organisation', entityId: fileName, summary: `Import fra Enhetsregisteret (${fileName}): ${result.created} nye, ${result.updated} endret, ${result.unchanged} uendret`, after: result });
  });
  return result;
}
