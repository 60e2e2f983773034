import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../platform/errors.js';
import { ctxOf, pageOf, requireUser } from '../platform/http/request-context.js';
import { authErrors, IdParams, Paged } from '../platform/http/schemas.js';
import { BrregImportResult, Organisation, OrganisationBody, OrganisationQuery, Unit, UnitBody } from './organisations.schema.js';
import { createOrganisation, createUnit, deleteOrganisation, getOrganisation, getUnit, importBrreg, listOrganisations, listUnits, updateOrganisation, updateUnit } from './organisations.service.js';

export async function organisationsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['organisations'];
  const deps = () => ({ industryCodes: app.deps.reference.industryCodes });

  r.get('/api/units', { onRequest: requireUser, schema: { tags, summary: "The municipality's own units (flat; build the tree from parentId)", response: { 200: Type.Array(Unit), ...authErrors } } }, async (req) => listUnits(ctxOf(req)));
  r.get('/api/units/:id', { onRequest: requireUser, schema: { tags, params: IdParams, response: { 200: Unit, ...authErrors } } }, async (req) => getUnit(ctxOf(req), req.params.id));
  r.post('/api/units', { onRequest: requireUser, schema: { tags, body: UnitBody, response: { 201: Unit, ...authErrors, 409: Type.Ref('Error') } } }, async (req, reply) => reply.status(201).send(await createUnit(ctxOf(req), req.body)));
  r.put('/api/units/:id', { onRequest: requireUser, schema: { tags, params: IdParams, body: UnitBody, response: { 200: Unit, ...authErrors } } }, async (req) => updateUnit(ctxOf(req), req.params.id, req.body));

  r.get('/api/organisations', { onRequest: requireUser, schema: { tags, summary: 'External organisations: search by name, org. number or place; filter by kind and SN2007 prefix', querystring: OrganisationQuery, response: { 200: Paged(Organisation), ...authErrors } } }, async (req) => {
    const page = pageOf(req.query);
    return { ...(await listOrganisations(ctxOf(req), { q: req.query.q, kind: req.query.kind, industryPrefix: req.query.industry }, page)), ...page };
  });
  r.get('/api/organisations/:id', { onRequest: requireUser, schema: { tags, params: IdParams, response: { 200: Organisation, ...authErrors } } }, async (req) => getOrganisation(ctxOf(req), req.params.id));
  r.post('/api/organisations', { onRequest: requireUser, schema: { tags, body: OrganisationBody, response: { 201: Organisation, ...authErrors, 409: Type.Ref('Error') } } }, async (req, reply) => reply.status(201).send(await createOrganisation(ctxOf(req), deps(), req.body)));
  r.put('/api/organisations/:id', { onRequest: requireUser, schema: { tags, params: IdParams, body: OrganisationBody, response: { 200: Organisation, ...authErrors, 409: Type.Ref('Error') } } }, async (req) => updateOrganisation(ctxOf(req), deps(), req.params.id, req.body));
  r.delete('/api/organisations/:id', { onRequest: requireUser, schema: { tags, params: IdParams, response: { 204: Type.Null(), ...authErrors, 409: Type.Ref('Error') } } }, async (req, reply) => {
    await deleteOrganisation(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.post('/api/organisations/import/brreg', { onRequest: requireUser, schema: { tags, summary: 'Import organisations from a Brønnøysund (Enhetsregisteret) JSON file (multipart field "file"), filtered by the municipality numbers', consumes: ['multipart/form-data'], response: { 200: BrregImportResult, ...authErrors, 422: Type.Ref('Error') } } }, async (req) => {
    const file = await req.file();
    if (!file) throw AppError.validation('Velg en fil', [{ field: 'file', message: 'Filen mangler' }]);
    const text = (await file.toBuffer()).toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new AppError('import_failed', `${file.filename}: ikke gyldig JSON`, [{ file: file.filename, message: (e as Error).message }]);
    }
    const m = req.municipality!;
    return importBrreg(ctxOf(req), json, [m.number, ...m.previousNumbers], file.filename);
  });
}
