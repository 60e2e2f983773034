import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../platform/errors.js';
import { ctxOf, pageOf, requireUser } from '../platform/http/request-context.js';
import { authErrors, IdParams } from '../platform/http/schemas.js';
import { boundaryOf, certificationReference } from './certification.reference.js';
import { addEvidence, createCertificate, createScheme, getCertificate, listCertificates, listSchemes, mapView, registerRows, today, updateCertificate, verificationQueue, verifyCertificate, type CertificationDeps } from './certification.service.js';
import { registerFile } from './certification.export.js';
import { overview, unitPage } from './overview.service.js';
import { getReport, importReports, listReports, saveReport } from './reports.service.js';
import { createCourse, createSession, recordParticipation, trainingOverview } from './training.service.js';
import { logContact, outreachList } from './businesses.service.js';
import { listReminders } from './reminders.service.js';
import { certificationRepository } from './certification.repository.js';
import { certificationPolicy } from './certification.policy.js';
import {
  AnyObject,
  Certificate,
  CertificateBody,
  CertificatePatch,
  CertificateQuery,
  ContactBody,
  CourseBody,
  DateQuery,
  ExportQuery,
  MapView,
  Overview,
  OutreachQuery,
  ParticipationBody,
  RegisterPage,
  RegisterQuery,
  Report,
  ReportBody,
  ReportImportResult,
  ReportQuery,
  Scheme,
  SchemeBody,
  SessionBody,
  VerifyBody,
} from './certification.schema.js';

/** Reads the single uploaded file of a multipart request. */
async function uploadedFile(req: FastifyRequest): Promise<{ filename: string; contentType: string; data: Buffer }> {
  const file = await req.file();
  if (!file) throw AppError.validation('Velg en fil', [{ field: 'file', message: 'Filen mangler' }]);
  return { filename: file.filename, contentType: file.mimetype, data: await file.toBuffer() };
}

export async function certificationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['certification'];
  const deps = (): CertificationDeps => ({ reference: certificationReference(app.deps.config.dataDir), storage: app.deps.storage });
  const P = '/api/certification';
  const guard = { onRequest: requireUser };
  const dateOf = (req: FastifyRequest, q: { date?: string }) => q.date ?? today(ctxOf(req));

  r.get(`${P}/schemes`, { ...guard, schema: { tags, summary: 'Certification schemes and their rules (built in and added by admins)', response: { 200: Type.Array(Scheme), ...authErrors } } }, async (req) => listSchemes(ctxOf(req), deps()));
  r.post(`${P}/schemes`, { ...guard, schema: { tags, summary: 'Add a scheme (admins)', body: SchemeBody, response: { 201: Scheme, ...authErrors, 409: Type.Ref('Error') } } }, async (req, reply) => reply.status(201).send(await createScheme(ctxOf(req), deps(), req.body)));

  r.get(`${P}/overview`, { ...guard, schema: { tags, summary: 'Coverage of municipal units (count and staff), history by quarter, staff trained, businesses certified, reports on time', querystring: DateQuery, response: { 200: Overview, ...authErrors } } }, async (req) => overview(ctxOf(req), deps(), dateOf(req, req.query)));

  r.get(`${P}/register`, { ...guard, schema: { tags, summary: 'Units with their certification status on a date: filter, sort, page', querystring: RegisterQuery, response: { 200: RegisterPage, ...authErrors } } }, async (req) => {
    const page = pageOf(req.query);
    const { date, coverage, rows } = await registerRows(ctxOf(req), deps(), req.query);
    return { items: rows.slice(page.offset, page.offset + page.limit), total: rows.length, ...page, date, coverage };
  });
  r.get(`${P}/register/export`, { ...guard, schema: { tags, summary: 'The register (same filters and order) as CSV or XLSX', querystring: ExportQuery, response: authErrors } }, async (req, reply) => {
    const { date, rows } = await registerRows(ctxOf(req), deps(), req.query);
    const f = await registerFile(rows, date, req.query.format ?? 'csv', req.query.lang ?? 'nb');
    return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'private, no-store').send(f.body);
  });
  r.get(`${P}/map`, { ...guard, schema: { tags, summary: "Units as points on the municipality's boundary, coloured by status", querystring: DateQuery, response: { 200: MapView, ...authErrors } } }, async (req) => {
    const ctx = ctxOf(req);
    const slug = await certificationRepository(ctx.scope).municipalitySlug();
    return mapView(ctx, deps(), dateOf(req, req.query), boundaryOf(app.deps.config.dataDir, slug));
  });
  r.get(`${P}/units/:id`, { ...guard, schema: { tags, summary: 'One unit: status, certificate history, annual reports, training, reminders', params: IdParams, querystring: DateQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => unitPage(ctxOf(req), deps(), req.params.id, dateOf(req, req.query)));

  r.get(`${P}/certificates`, { ...guard, schema: { tags, summary: "Certificates (staff: all; a business user: their organisation's)", querystring: CertificateQuery, response: { 200: Type.Array(Certificate), ...authErrors } } }, async (req) => listCertificates(ctxOf(req), deps(), { holder: req.query.holder, verification: req.query.verification, organisationId: req.query.organisationId, unitId: req.query.unitId, schemeKey: req.query.scheme, date: req.query.date }));
  r.post(`${P}/certificates`, { ...guard, schema: { tags, summary: "Register a certificate (editors: verified; a unit manager for their unit, a business user for their organisation: pending)", body: CertificateBody, response: { 201: Certificate, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createCertificate(ctxOf(req), deps(), req.body)));
  r.get(`${P}/certificates/:id`, { ...guard, schema: { tags, params: IdParams, response: { 200: Certificate, ...authErrors } } }, async (req) => getCertificate(ctxOf(req), deps(), req.params.id));
  r.patch(`${P}/certificates/:id`, { ...guard, schema: { tags, summary: 'Change a certificate (editors; its registrant while not verified)', params: IdParams, body: CertificatePatch, response: { 200: Certificate, ...authErrors } } }, async (req) => updateCertificate(ctxOf(req), deps(), req.params.id, req.body));
  r.post(`${P}/certificates/:id/verify`, { ...guard, schema: { tags, summary: 'Verify or reject (with a reason) a pending certificate (certification editors)', params: IdParams, body: VerifyBody, response: { 200: Certificate, ...authErrors, 409: Type.Ref('Error') } } }, async (req) => verifyCertificate(ctxOf(req), deps(), req.params.id, req.body));
  r.post(`${P}/certificates/:id/evidence`, { ...guard, schema: { tags, summary: 'Attach evidence (multipart field "file": PDF, PNG or JPEG, at most 10 MB)', params: IdParams, consumes: ['multipart/form-data'], response: { 201: Certificate, ...authErrors, 413: Type.Ref('Error'), 415: Type.Ref('Error') } } }, async (req, reply) => {
    const ctx = ctxOf(req);
    // The certificate is looked up before the body is read: another tenant's id is a 404 whatever the file.
    if (!(await certificationRepository(ctx.scope).certificateById(req.params.id))) throw AppError.notFound('Sertifikatet');
    return reply.status(201).send(await addEvidence(ctx, deps(), req.params.id, await uploadedFile(req)));
  });
  r.get(`${P}/verification-queue`, { ...guard, schema: { tags, summary: 'Certificates waiting for verification (certification editors)', response: { 200: Type.Array(Certificate), ...authErrors } } }, async (req) => verificationQueue(ctxOf(req), deps()));

  r.get(`${P}/reports`, { ...guard, schema: { tags, summary: 'Annual climate and environment reports', querystring: ReportQuery, response: { 200: Type.Array(Report), ...authErrors } } }, async (req) => listReports(ctxOf(req), req.query));
  r.post(`${P}/reports`, { ...guard, schema: { tags, summary: "Save a unit's annual report for a year (draft, or delivered with submit: true); the unit's manager or a certification editor", body: ReportBody, response: { 200: Report, ...authErrors } } }, async (req) => saveReport(ctxOf(req), deps(), req.body));
  r.get(`${P}/reports/:id`, { ...guard, schema: { tags, params: IdParams, response: { 200: Report, ...authErrors } } }, async (req) => getReport(ctxOf(req), req.params.id));
  r.post(`${P}/reports/import`, { ...guard, schema: { tags, summary: 'Import annual reports from CSV or XLSX (multipart field "file"); all or nothing, bad lines listed', consumes: ['multipart/form-data'], response: { 200: ReportImportResult, ...authErrors, 422: Type.Ref('Error') } } }, async (req) => {
    const ctx = ctxOf(req);
    if (!certificationPolicy.importReports(ctx.actor)) throw AppError.forbidden(); // before reading the upload
    const f = await uploadedFile(req);
    return importReports(ctx, deps(), f.filename, f.data);
  });

  r.get(`${P}/training`, { ...guard, schema: { tags, summary: 'Staff trained per unit and in total, courses and sessions', querystring: DateQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => trainingOverview(ctxOf(req), req.query.date));
  r.post(`${P}/courses`, { ...guard, schema: { tags, body: CourseBody, response: { 201: AnyObject, ...authErrors, 409: Type.Ref('Error') } } }, async (req, reply) => reply.status(201).send(await createCourse(ctxOf(req), req.body)));
  r.post(`${P}/sessions`, { ...guard, schema: { tags, body: SessionBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createSession(ctxOf(req), req.body)));
  r.post(`${P}/participations`, { ...guard, schema: { tags, summary: "Record a unit's participants in a session (counts, or named staff)", body: ParticipationBody, response: { 200: AnyObject, ...authErrors } } }, async (req) => recordParticipation(ctxOf(req), req.body));

  r.get(`${P}/outreach`, { ...guard, schema: { tags, summary: 'Local businesses without certification, by SN2007 prefix and size, with the contacts made', querystring: OutreachQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => {
    const page = pageOf(req.query);
    const { date, rows } = await outreachList(ctxOf(req), { ...deps(), industryNames: app.deps.reference.industryNames }, req.query);
    return { items: rows.slice(page.offset, page.offset + page.limit), total: rows.length, ...page, date };
  });
  r.post(`${P}/outreach`, { ...guard, schema: { tags, summary: 'Log a contact with a business', body: ContactBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await logContact(ctxOf(req), req.body)));

  r.get(`${P}/reminders`, { ...guard, schema: { tags, summary: 'Expiring (90/30 days), overdue, lapsed certificates and missing annual reports, per unit', querystring: DateQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => listReminders(ctxOf(req), deps(), dateOf(req, req.query)));
}
