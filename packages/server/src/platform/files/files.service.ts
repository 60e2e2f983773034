import { canActForOrganisation, canActForUnit, canEditDomain, DOMAINS, isAdmin, type Actor, type Domain } from '@omstilling/core';
import { AppError } from '../errors.js';
import { nowIso, type Ctx } from '../context.js';
import { newId, sha256 } from '../ids.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Storage } from './storage.js';

export const ALLOWED_TYPES: Record<string, Buffer[]> = {
  'application/pdf': [Buffer.from('%PDF-')],
  'image/png': [Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  'image/jpeg': [Buffer.from([0xff, 0xd8, 0xff])],
  'text/csv': [],
  'application/json': [],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [Buffer.from('PK')],
};
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface FileView {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  domain: string;
  ownerUnitId: string | null;
  ownerOrganisationId: string | null;
  createdAt: string;
}

export interface UploadInput {
  filename: string;
  contentType: string;
  data: Buffer;
  domain: string;
  ownerUnitId: string | null;
  ownerOrganisationId: string | null;
}

/** Who may see or add a file: the domain's editors, or the owning unit's manager / organisation's user. */
function mayAccess(actor: Actor, domain: Domain, unitId: string | null, orgId: string | null): boolean {
  if (isAdmin(actor) || canEditDomain(actor, domain)) return true;
  if (unitId) return canActForUnit(actor, domain, unitId);
  if (orgId) return canActForOrganisation(actor, domain, orgId);
  return false;
}

/** Checks type (by magic bytes, not only the claimed type) and size, then stores the file under an unguessable key. */
export async function uploadFile(ctx: Ctx, storage: Storage, input: UploadInput): Promise<FileView> {
  if (!(DOMAINS as readonly string[]).includes(input.domain)) throw AppError.validation('Ukjent domene', [{ field: 'domain', message: `Ukjent domene: ${input.domain}` }]);
  if (!mayAccess(ctx.actor, input.domain as Domain, input.ownerUnitId, input.ownerOrganisationId)) throw AppError.forbidden();
  const magic = ALLOWED_TYPES[input.contentType];
  if (!magic) throw new AppError('unsupported_media_type', `Filtypen ${input.contentType} er ikke tillatt`, [{ field: 'file', message: 'Tillatt: PDF, PNG, JPEG, CSV, JSON, XLSX' }]);
  if (magic.length && !magic.some((m) => input.data.subarray(0, m.length).equals(m))) throw new AppError('unsupported_media_type', 'Filinnholdet passer ikke med filtypen', [{ field: 'file', message: `${input.filename} er ikke en ekte ${input.contentType}` }]);
  if (input.data.length > MAX_FILE_BYTES) throw new AppError('payload_too_large', 'Filen er for stor (maks 20 MB)');
  if (input.data.length === 0) throw AppError.validation('Filen er tom', [{ field: 'file', message: 'Filen er tom' }]);
  if (input.ownerUnitId && !(await ctx.scope.selectFrom('org_unit').select('id').where('id', '=', input.ownerUnitId).executeTakeFirst())) throw AppError.validation('Ukjent enhet', [{ field: 'ownerUnitId', message: 'Enheten finnes ikke' }]);
  if (input.ownerOrganisationId && !(await ctx.scope.selectFrom('organisation').select('id').where('id', '=', input.ownerOrganisationId).executeTakeFirst())) throw AppError.validation('Ukjent virksomhet', [{ field: 'ownerOrganisationId', message: 'Virksomheten finnes ikke' }]);
  const key = await storage.put(input.data);
  const row = {
    id: newId(),
    storage_key: key,
    filename: input.filename.replace(/[/\\]/g, '_').slice(0, 200),
    content_type: input.contentType,
    size: input.data.length,
    sha256: sha256(input.data),
    domain: input.domain,
    owner_unit_id: input.ownerUnitId,
    owner_organisation_id: input.ownerOrganisationId,
    uploaded_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    created_at: nowIso(ctx),
  };
  try {
    await ctx.scope.transaction(async (scope) => {
      await scope.insertInto('stored_file', row).execute();
      await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'file', entityId: row.id, summary: `Fil «${row.filename}» lastet opp`, after: { filename: row.filename, size: row.size, sha256: row.sha256 } });
    });
  } catch (e) {
    await storage.delete(key); // nothing half-written
    throw e;
  }
  return { id: row.id, filename: row.filename, contentType: row.content_type, size: row.size, sha256: row.sha256, domain: row.domain, ownerUnitId: row.owner_unit_id, ownerOrganisationId: row.owner_organisation_id, createdAt: row.created_at };
}

/** Reads a file for download; the tenant scope and the owner check run on every request. */
export async function readFile(ctx: Ctx, storage: Storage, id: string): Promise<{ view: FileView; data: Buffer }> {
  const row = await ctx.scope.selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw AppError.notFound('Filen');
  if (!mayAccess(ctx.actor, row.domain as Domain, row.owner_unit_id, row.owner_organisation_id)) throw AppError.forbidden();
  return {
    view: { id: row.id, filename: row.filename, contentType: row.content_type, size: row.size, sha256: row.sha256, domain: row.domain, ownerUnitId: row.owner_unit_id, ownerOrganisationId: row.owner_organisation_id, createdAt: row.created_at },
    data: await storage.get(row.storage_key),
  };
}
