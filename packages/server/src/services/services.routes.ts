import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ctxOf, requireUser } from '../platform/http/request-context.js';
import { authErrors, IdParams } from '../platform/http/schemas.js';
import { servicesReference } from './services.reference.js';
import { coverageFile } from './services.export.js';
import { addReport, adoptMeasure, changeAdoptionStatus, coverage, createMeasure, importReferenceCatalogue, listMeasures, listUnits, options, publicCatalogue, setUnitArea, unitPage, updateMeasure, type ServicesDeps } from './services.service.js';
import { AdoptBody, Adoption, AnyObject, AreaBody, DateQuery, ExportQuery, Measure, MeasureBody, MeasurePatch, MeasureQuery, PublicMeasureQuery, Report, ReportBody, StatusBody, UnitQuery } from './services.schema.js';

export async function servicesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['services'];
  const deps = (): ServicesDeps => ({ reference: servicesReference(app.deps.config.dataDir) });
  const P = '/api/services';
  const guard = { onRequest: requireUser };

  r.get('/api/public/services/measures', { schema: { tags, summary: 'The public catalogue of measures in use, with the number of units where each is active (no unit names)', querystring: PublicMeasureQuery, response: { 200: AnyObject } } }, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return publicCatalogue(ctxOf(req), deps(), req.query);
  });
  r.get(`${P}/options`, { ...guard, schema: { tags, summary: 'Service areas, indicator groups, adoption statuses and the plan rule', response: { 200: AnyObject, ...authErrors } } }, async (req) => options(ctxOf(req), deps()));
  r.get(`${P}/measures`, { ...guard, schema: { tags, summary: 'The catalogue of measures (staff), with the number of units where each is active today', querystring: MeasureQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => listMeasures(ctxOf(req), deps(), req.query));
  r.post(`${P}/measures`, { ...guard, schema: { tags, summary: 'Add a measure to the catalogue (services editors)', body: MeasureBody, response: { 201: Measure, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createMeasure(ctxOf(req), deps(), req.body)));
  r.patch(`${P}/measures/:id`, { ...guard, schema: { tags, summary: 'Change a measure, retire it or bring it back (services editors)', params: IdParams, body: MeasurePatch, response: { 200: Measure, ...authErrors } } }, async (req) => updateMeasure(ctxOf(req), deps(), req.params.id, req.body));
  r.post(`${P}/measures/reference`, { ...guard, schema: { tags, summary: "Copy the built-in catalogue's measures the municipality does not have yet (idempotent; services editors)", response: { 200: AnyObject, ...authErrors } } }, async (req) => importReferenceCatalogue(ctxOf(req), deps()));
  r.get(`${P}/units`, { ...guard, schema: { tags, summary: "Units counted in coverage with their area, active measures and plan status; a unit manager's own first", querystring: UnitQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => listUnits(ctxOf(req), deps(), req.query));
  r.get(`${P}/units/:id`, { ...guard, schema: { tags, summary: "A unit's page: its adoptions with history and reports, and the measures of its area not yet adopted", params: IdParams, response: { 200: AnyObject, ...authErrors } } }, async (req) => unitPage(ctxOf(req), deps(), req.params.id));
  r.patch(`${P}/units/:id/area`, { ...guard, schema: { tags, summary: 'Set the service area a unit counts in, whatever its type (services editors)', params: IdParams, body: AreaBody, response: { 200: AnyObject, ...authErrors } } }, async (req) => setUnitArea(ctxOf(req), deps(), req.params.id, req.body));
  r.post(`${P}/adoptions`, { ...guard, schema: { tags, summary: 'A unit adopts a measure, planned or active from a date (its manager or a services editor)', body: AdoptBody, response: { 201: Adoption, ...authErrors } } }, async (req, reply) => reply.status(201).send(await adoptMeasure(ctxOf(req), deps(), req.body)));
  r.patch(`${P}/adoptions/:id`, { ...guard, schema: { tags, summary: "Change an adoption's status from a date (its unit's manager or a services editor)", params: IdParams, body: StatusBody, response: { 200: Adoption, ...authErrors } } }, async (req) => changeAdoptionStatus(ctxOf(req), deps(), req.params.id, req.body));
  r.post(`${P}/adoptions/:id/reports`, { ...guard, schema: { tags, summary: "The unit's own short report on an adopted measure (text, figures, an uploaded file)", params: IdParams, body: ReportBody, response: { 201: Report, ...authErrors } } }, async (req, reply) => reply.status(201).send(await addReport(ctxOf(req), deps(), req.params.id, req.body)));
  r.get(`${P}/coverage`, { ...guard, schema: { tags, summary: 'Coverage per service area and indicator group on a date and by year; units × measures; units without an active measure', querystring: DateQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => coverage(ctxOf(req), deps(), req.query.date));
  r.get(`${P}/coverage/export`, { ...guard, schema: { tags, summary: 'Coverage as CSV or XLSX: units with area, plan status and each measure; shares per area and year (XLSX)', querystring: ExportQuery, response: authErrors } }, async (req, reply) => {
    const c = await coverage(ctxOf(req), deps(), req.query.date);
    const f = await coverageFile(c, deps().reference.areas, req.query.format ?? 'csv');
    return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'private, no-store').send(f.body);
  });
}
