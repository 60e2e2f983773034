import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { ctxOf, requireUser } from '../platform/http/request-context.js';
import { authErrors, IdParams } from '../platform/http/schemas.js';
import { exportCsv, exportXlsx, type ExportFile } from './exports.service.js';
import { councilReport } from './report.pdf.js';
import { programPolicy } from './program.policy.js';
import { cachedBytes } from './program.cache.js';

const ExportQuery = Type.Object({
  lang: Type.Optional(Type.Union([Type.Literal('nb'), Type.Literal('en')], { description: 'Language of headers and status words (default nb)' })),
  asOf: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Assess statuses as of this date (default: today)' })),
});
const ReportQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 9999, description: 'The year reported on (default: this year); figures as of 31 December, or today for this year' })),
});

const file = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });
const CSV = file('text/csv', 'One row per indicator value; semicolon-separated, decimal comma, UTF-8 with BOM, CRLF (opens directly in Norwegian Excel)');
const XLSX = file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Sheet "Verdier"/"Values": one row per indicator value; sheet "Indikatorer"/"Indicators": one row per indicator with baseline, targets, latest value and status');
const PDF = file('application/pdf', 'The annual council report (A4, Norwegian): cover, how status is computed, every point with status, one section per area with charts and actions');

/** Sends a file; the name is already safe for the header (see fileSlug). */
function sendFile(reply: FastifyReply, f: ExportFile, options: { inline?: boolean; public: boolean }) {
  return reply
    .type(f.contentType)
    .header('content-disposition', `${options.inline ? 'inline' : 'attachment'}; filename="${f.fileName}"`)
    .header('cache-control', options.public ? 'public, max-age=60' : 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(f.body);
}

/** A context that sees only what anyone may see, even for a signed-in caller. */
const publicCtx = (req: FastifyRequest): Ctx => ({ ...ctxOf(req), actor: { kind: 'anonymous' as const, municipalityId: req.municipality!.id } });

function internalCtx(req: FastifyRequest): Ctx {
  const ctx = ctxOf(req);
  if (!programPolicy.readInternal(ctx.actor)) throw AppError.forbidden();
  return ctx;
}

export async function exportsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const open = ['open data'];
  const tags = ['program'];
  const errors404 = { 400: Type.Ref('Error'), 404: Type.Ref('Error') };

  // ----- public, no login: public indicators only -----
  r.get('/api/public/programs/:id/export.csv', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags: open, summary: 'Public indicator values as CSV (open data, no login)', params: IdParams, querystring: ExportQuery, response: { 200: CSV, ...errors404 } } }, async (req, reply) =>
    sendFile(reply, await exportCsv(publicCtx(req), req.params.id, { publicOnly: true, lang: req.query.lang, asOf: req.query.asOf }), { public: true }),
  );
  r.get('/api/public/programs/:id/export.xlsx', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags: open, summary: 'Public indicators and their values as an Excel workbook (open data, no login)', params: IdParams, querystring: ExportQuery, response: { 200: XLSX, ...errors404 } } }, async (req, reply) =>
    sendFile(reply, await exportXlsx(publicCtx(req), req.params.id, { publicOnly: true, lang: req.query.lang, asOf: req.query.asOf }), { public: true }),
  );
  r.get('/api/public/programs/:id/report.pdf', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { tags: open, summary: 'The annual council report with public indicators only, as PDF (no login)', params: IdParams, querystring: ReportQuery, response: { 200: PDF, ...errors404 } } }, async (req, reply) => {
    const ctx = publicCtx(req);
    // Drawing a report takes a moment; bursts of readers share one for a few seconds (writes clear it).
    const key = `${ctx.scope.municipalityId}:report:${req.params.id}:${req.query.year ?? ''}:${ctx.now().toISOString().slice(0, 10)}`;
    const hit = await cachedBytes(key, async () => {
      const f = await councilReport(ctx, req.params.id, { publicOnly: true, year: req.query.year });
      return { bytes: f.body, name: f.fileName, compress: false };
    });
    return sendFile(reply, { fileName: hit.name ?? 'rapport.pdf', contentType: 'application/pdf', body: hit.raw }, { inline: true, public: true });
  });

  // ----- internal: every indicator, for municipal staff -----
  r.get('/api/programs/:id/export.csv', { onRequest: requireUser, schema: { tags, summary: 'Every indicator value (internal ones too) as CSV', params: IdParams, querystring: ExportQuery, response: { 200: CSV, ...authErrors } } }, async (req, reply) =>
    sendFile(reply, await exportCsv(internalCtx(req), req.params.id, { publicOnly: false, lang: req.query.lang, asOf: req.query.asOf }), { public: false }),
  );
  r.get('/api/programs/:id/export.xlsx', { onRequest: requireUser, schema: { tags, summary: 'Every indicator (internal ones too) and its values as an Excel workbook', params: IdParams, querystring: ExportQuery, response: { 200: XLSX, ...authErrors } } }, async (req, reply) =>
    sendFile(reply, await exportXlsx(internalCtx(req), req.params.id, { publicOnly: false, lang: req.query.lang, asOf: req.query.asOf }), { public: false }),
  );
  r.get('/api/programs/:id/report.pdf', { onRequest: requireUser, schema: { tags, summary: 'The annual council report with every indicator (internal edition), as PDF', params: IdParams, querystring: ReportQuery, response: { 200: PDF, ...authErrors } } }, async (req, reply) =>
    sendFile(reply, await councilReport(internalCtx(req), req.params.id, { publicOnly: false, year: req.query.year }), { inline: true, public: false }),
  );
}
