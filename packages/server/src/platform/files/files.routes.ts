import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../errors.js';
import { ctxOf, requireUser } from '../http/request-context.js';
import { authErrors, IdParams, Nullable } from '../http/schemas.js';
import { readFile, uploadFile } from './files.service.js';

const FileView = Type.Object({ id: Type.String(), filename: Type.String(), contentType: Type.String(), size: Type.Integer(), sha256: Type.String(), domain: Type.String(), ownerUnitId: Nullable(Type.String()), ownerOrganisationId: Nullable(Type.String()), createdAt: Type.String() });

export async function filesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['files'];
  r.post('/api/files', { onRequest: requireUser, schema: { tags, summary: 'Upload evidence (multipart: file, domain, ownerUnitId or ownerOrganisationId)', consumes: ['multipart/form-data'], response: { 201: FileView, ...authErrors, 413: Type.Ref('Error'), 415: Type.Ref('Error') } } }, async (req, reply) => {
    const file = await req.file();
    if (!file) throw AppError.validation('Velg en fil', [{ field: 'file', message: 'Filen mangler' }]);
    const data = await file.toBuffer();
    const field = (name: string) => {
      const f = file.fields[name];
      const v = f && !Array.isArray(f) && f.type === 'field' ? String(f.value) : '';
      return v || null;
    };
    const view = await uploadFile(ctxOf(req), app.deps.storage, { filename: file.filename, contentType: file.mimetype, data, domain: field('domain') ?? '', ownerUnitId: field('ownerUnitId'), ownerOrganisationId: field('ownerOrganisationId') });
    return reply.status(201).send(view);
  });
  r.get('/api/files/:id', { onRequest: requireUser, schema: { tags, summary: 'Download a file (checked against tenant and role on every request)', params: IdParams, response: authErrors } }, async (req, reply) => {
    const { view, data } = await readFile(ctxOf(req), app.deps.storage, req.params.id);
    return reply
      .type(view.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(view.filename)}`)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(data);
  });
}
