import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ctxOf, requireUser } from '../platform/http/request-context.js';
import { authErrors } from '../platform/http/schemas.js';
import { AppError } from '../platform/errors.js';
import { boundaryOf } from '../certification/certification.reference.js';
import { economyReference } from './economy.reference.js';
import { economyRepository } from './economy.repository.js';
import { economyPolicy } from './economy.policy.js';
import { establishmentsFile } from './economy.export.js';
import { exportRows, importSnapshot, listEstablishments, mapView, overview, rulesView, saveRuleSet, type EconomyDeps } from './economy.service.js';
import { AnyObject, EstablishmentQuery, ExportQuery, ImportResult, RuleSetBody, SnapshotQuery } from './economy.schema.js';

export async function economyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['economy'];
  const deps = (): EconomyDeps => ({ reference: economyReference(app.deps.config.dataDir) });
  const P = '/api/economy';
  const guard = { onRequest: requireUser };

  r.get(`${P}/overview`, { ...guard, schema: { tags, summary: 'Jobs per class (oil-and-gas related, green, other) per year; for one snapshot (default the latest) the totals, the table by industry code with the rule that classified it, and the caveats', querystring: SnapshotQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => overview(ctxOf(req), deps(), req.query));
  r.get(`${P}/establishments`, { ...guard, schema: { tags, summary: "A snapshot's establishments with their classification, most jobs first, filtered and paged", querystring: EstablishmentQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => listEstablishments(ctxOf(req), deps(), req.query));
  r.get(`${P}/map`, { ...guard, schema: { tags, summary: "Establishments as points on the municipality's boundary, coloured by the class of most of their jobs", querystring: SnapshotQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => {
    const ctx = ctxOf(req);
    const m = await economyRepository(ctx.scope).municipality();
    return mapView(ctx, deps(), req.query.snapshotId, boundaryOf(app.deps.config.dataDir, m?.slug ?? null));
  });
  r.get(`${P}/export`, { ...guard, schema: { tags, summary: "A snapshot's establishments with jobs per class, rule, caveat and source line as CSV or XLSX", querystring: ExportQuery, response: authErrors } }, async (req, reply) => {
    const x = await exportRows(ctxOf(req), deps(), req.query.snapshotId);
    const f = await establishmentsFile(x.snapshot, x.rows, x.ruleById, req.query.format ?? 'csv', req.query.lang ?? 'nb');
    return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'private, no-store').send(f.body);
  });
  r.post(`${P}/snapshots/import`, { ...guard, schema: { tags, summary: 'Import employment snapshots (multipart: file; field date for a Brønnøysund JSON). CSV/XLSX with orgnr;navn;naeringskode;ansatte;dato (optional kommunenummer, overordnet, lat, lon) or an Enhetsregisteret underenheter page/bulk file; all or nothing, the same content twice changes nothing', consumes: ['multipart/form-data'], response: { 200: ImportResult, ...authErrors, 422: Type.Ref('Error') } } }, async (req) => {
    const ctx = ctxOf(req);
    if (!economyPolicy.edit(ctx.actor)) throw AppError.forbidden(); // before reading the upload
    const file = await req.file();
    if (!file) throw AppError.validation('Velg en fil', [{ field: 'file', message: 'Filen mangler' }]);
    const data = await file.toBuffer();
    const f = file.fields.date;
    const date = f && !Array.isArray(f) && f.type === 'field' ? String(f.value).trim() : '';
    return importSnapshot(ctx, deps(), file.filename, data, date ? { date } : {});
  });
  r.get(`${P}/rules`, { ...guard, schema: { tags, summary: 'The classification rule set: every version (newest first) with rationale, caveats and sources; which one is in force today', response: { 200: AnyObject, ...authErrors } } }, async (req) => rulesView(ctxOf(req), deps()));
  r.post(`${P}/rules`, { ...guard, schema: { tags, summary: 'Save a new version of the rules, in force from validFrom (today or later), so earlier classifications stay as they were', body: RuleSetBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await saveRuleSet(ctxOf(req), deps(), req.body)));
}
