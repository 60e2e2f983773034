import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../platform/errors.js';
import { ctxOf, requireUser } from '../platform/http/request-context.js';
import { authErrors, IdParams } from '../platform/http/schemas.js';
import { agricultureReference } from './agriculture.reference.js';
import { agriculturePolicy } from './agriculture.policy.js';
import { createDelivery, createFarm, createPlan, createSupport, deleteDelivery, deleteSupport, exportResults, getFarm, importDeliveries, listDeliveries, listFarms, options, results, setAreas, updateFarm, updatePlan, type AgricultureDeps } from './agriculture.service.js';
import { AnyObject, AreasBody, Delivery, DeliveryBody, DeliveryPage, ExportQuery, Farm, FarmBody, FarmPatch, ImportResult, PageQuery, Plan, PlanBody, PlanPatch, Support, SupportBody } from './agriculture.schema.js';

export async function agricultureRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['agriculture'];
  const deps = (): AgricultureDeps => ({ reference: agricultureReference(app.deps.config.dataDir) });
  const P = '/api/agriculture';
  const guard = { onRequest: requireUser };
  const deleted = { 204: Type.Null() };

  r.get(`${P}/options`, { ...guard, schema: { tags, summary: 'Crop categories (with conversion periods), sales channels, product groups, certifiers, support schemes; areas in decares', response: { 200: AnyObject, ...authErrors } } }, async (req) => options(ctxOf(req), deps()));
  r.get(`${P}/results`, { ...guard, schema: { tags, summary: 'By year: farmland by management on 31 December (organic and in conversion apart), local deliveries by channel and product group, farms delivering, support (staff)', response: { 200: AnyObject, ...authErrors } } }, async (req) => results(ctxOf(req), deps()));
  r.get(`${P}/results/export`, { ...guard, schema: { tags, summary: 'The results as CSV (table=years|deliveries) or XLSX (both sheets) (staff)', querystring: ExportQuery, response: authErrors } }, async (req, reply) => {
    const f = await exportResults(ctxOf(req), deps(), req.query);
    return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'private, no-store').send(f.body);
  });

  r.get(`${P}/farms`, { ...guard, schema: { tags, summary: "Farms the caller may see (staff: all; a farm's business user: their own)", response: { 200: Type.Array(AnyObject), ...authErrors } } }, async (req) => listFarms(ctxOf(req), deps()));
  r.post(`${P}/farms`, { ...guard, schema: { tags, summary: 'Register an organisation of the register as a farm (agriculture editors)', body: FarmBody, response: { 201: Farm, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createFarm(ctxOf(req), deps(), req.body)));
  r.get(`${P}/farms/:id`, { ...guard, schema: { tags, summary: 'One farm: areas by year with the organic share, deliveries by year, conversion plans, support', params: IdParams, response: { 200: AnyObject, ...authErrors } } }, async (req) => getFarm(ctxOf(req), deps(), req.params.id));
  r.patch(`${P}/farms/:id`, { ...guard, schema: { tags, summary: "Change a farm's agricultural area and organic certificate (editors; the farm's own users)", params: IdParams, body: FarmPatch, response: { 200: Farm, ...authErrors } } }, async (req) => updateFarm(ctxOf(req), deps(), req.params.id, req.body));
  r.post(`${P}/farms/:id/areas`, { ...guard, schema: { tags, summary: "Replace a farm's crop areas for one year; the sum may not exceed the farm's agricultural area", params: IdParams, body: AreasBody, response: { 200: AnyObject, ...authErrors } } }, async (req) => setAreas(ctxOf(req), deps(), req.params.id, req.body));
  r.get(`${P}/farms/:id/deliveries`, { ...guard, schema: { tags, summary: "A farm's deliveries to the local market, newest first, paged", params: IdParams, querystring: PageQuery, response: { 200: DeliveryPage, ...authErrors } } }, async (req) => listDeliveries(ctxOf(req), req.params.id, req.query));
  r.post(`${P}/farms/:id/deliveries`, { ...guard, schema: { tags, summary: "Report a delivery to the local market (the farm's own users, or editors)", params: IdParams, body: DeliveryBody, response: { 201: Delivery, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createDelivery(ctxOf(req), deps(), req.params.id, req.body)));
  r.post(`${P}/farms/:id/conversion-plans`, { ...guard, schema: { tags, summary: 'Add a plan to convert area to organic', params: IdParams, body: PlanBody, response: { 201: Plan, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createPlan(ctxOf(req), req.params.id, req.body)));
  r.post(`${P}/farms/:id/support-grants`, { ...guard, schema: { tags, summary: 'Record support granted to a farm (agriculture editors)', params: IdParams, body: SupportBody, response: { 201: Support, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createSupport(ctxOf(req), deps(), req.params.id, req.body)));

  r.delete(`${P}/deliveries/:id`, { ...guard, schema: { tags, summary: 'Delete a delivery reported by mistake', params: IdParams, response: { ...deleted, ...authErrors } } }, async (req, reply) => {
    await deleteDelivery(ctxOf(req), req.params.id);
    return reply.status(204).send();
  });
  r.post(`${P}/deliveries/import`, { ...guard, schema: { tags, summary: 'Import deliveries from CSV or XLSX (multipart field "file"; columns orgnr;periode;kanal;varegruppe;kg;verdi_nok[;merknad]); all or nothing, bad lines listed', consumes: ['multipart/form-data'], response: { 200: ImportResult, ...authErrors, 422: Type.Ref('Error') } } }, async (req) => {
    const ctx = ctxOf(req);
    const a = ctx.actor;
    // Before reading the upload: editors, or a business user (whose farm the service checks).
    if (!agriculturePolicy.isEditor(a) && !(a.kind === 'user' && a.role === 'business' && a.organisationId)) throw AppError.forbidden();
    const file = await req.file();
    if (!file) throw AppError.validation('Velg en fil', [{ field: 'file', message: 'Filen mangler' }]);
    return importDeliveries(ctx, deps(), file.filename, await file.toBuffer());
  });
  r.patch(`${P}/conversion-plans/:id`, { ...guard, schema: { tags, summary: 'Change a conversion plan (status, target year, area)', params: IdParams, body: PlanPatch, response: { 200: Plan, ...authErrors } } }, async (req) => updatePlan(ctxOf(req), req.params.id, req.body));
  r.delete(`${P}/support-grants/:id`, { ...guard, schema: { tags, summary: 'Delete a support record entered by mistake (agriculture editors)', params: IdParams, response: { ...deleted, ...authErrors } } }, async (req, reply) => {
    await deleteSupport(ctxOf(req), req.params.id);
    return reply.status(204).send();
  });
}
