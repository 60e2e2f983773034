import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../platform/errors.js';
import { ctxOf, requireUser } from '../platform/http/request-context.js';
import { authErrors, IdParams } from '../platform/http/schemas.js';
import { ActionLogBody, IndicatorSchema, ProgramSummarySchema, ProgramSummaryViewSchema, ProgramViewSchema, PublicGoalSchema, ValueBody } from './program.schema.js';
import { getProgramView, importProgram, listPrograms } from './program.service.js';
import { deleteValue, importValues, recordValue } from './values.service.js';
import { addActionLog } from './actions.service.js';
import { reportingOverview } from './reporting.service.js';
import { importJsonStat, importTableSource, setPrimarySource } from './sources.service.js';
import { localDate, previewDigests } from './reminders.service.js';
import { cachedJson, sendCachedBody } from './program.cache.js';
import { summariseProgramView } from './program.view.js';
import { programPolicy } from './program.policy.js';

const AsOf = Type.Object({ asOf: Type.Optional(Type.String({ format: 'date', description: 'Assess as of this date (default: today)' })) });

const JSON_TYPE = 'application/json; charset=utf-8';

export async function programRoutes(app: FastifyInstance): Promise<void> {
  app.addSchema(IndicatorSchema);
  app.addSchema(ProgramViewSchema);
  app.addSchema(ProgramSummaryViewSchema);
  app.addSchema(PublicGoalSchema);
  const publicCtx = (req: Parameters<typeof ctxOf>[0]) => ({ ...ctxOf(req), actor: { kind: 'anonymous' as const, municipalityId: req.municipality?.id ?? '' } });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['program'];
  const open = ['open data'];

  // ----- public, no login: the open-data API the public pages use -----
  r.get('/api/public/programs', { schema: { tags: open, summary: "The municipality's programs (open data, no login)", response: { 200: Type.Array(ProgramSummarySchema) } } }, async (req, reply) => {
    const ctx = ctxOf(req);
    return sendCachedBody(req, reply, await cachedJson(`${ctx.scope.municipalityId}:list`, () => listPrograms(ctx)), JSON_TYPE);
  });
  r.get('/api/public/programs/:id', { schema: { tags: open, summary: 'A program: every point with its status and public indicators (latest value, status, series). Value provenance, sources and actions are in the goal resource. Open data, no login; compressed and cacheable.', params: IdParams, querystring: AsOf, response: { 200: Type.Ref('ProgramSummaryView'), 404: Type.Ref('Error') } } }, async (req, reply) => {
    const ctx = publicCtx(req);
    const asOf = req.query.asOf ?? ctx.now().toISOString().slice(0, 10);
    const body = await cachedJson(`${ctx.scope.municipalityId}:${req.params.id}:${asOf}`, async () => summariseProgramView(await getProgramView(ctx, req.params.id, { publicOnly: true, asOf })));
    return sendCachedBody(req, reply, body, JSON_TYPE);
  });
  r.get('/api/public/programs/:id/goals/:code', { schema: { tags: open, summary: "One point of the program in full: its text, public indicators with every value and its source, targets, the expected path and the assessment; its actions with their history (open data, no login)", params: Type.Object({ id: Type.String(), code: Type.String({ maxLength: 10 }) }), querystring: AsOf, response: { 200: Type.Ref('PublicGoal'), 404: Type.Ref('Error') } } }, async (req, reply) => {
    const ctx = publicCtx(req);
    const asOf = req.query.asOf ?? ctx.now().toISOString().slice(0, 10);
    const body = await cachedJson(`${ctx.scope.municipalityId}:${req.params.id}:${asOf}:${req.params.code}`, async () => {
      const v = await getProgramView(ctx, req.params.id, { publicOnly: true, asOf });
      const area = v.areas.find((a) => a.goals.some((g) => g.code === req.params.code));
      const goal = area?.goals.find((g) => g.code === req.params.code);
      if (!area || !goal) throw AppError.notFound(`Punktet ${req.params.code}`);
      return { program: { id: v.id, key: v.key, name: v.name, asOf: v.asOf }, area: { code: area.code, title: area.title }, goal, rules: v.rules };
    });
    return sendCachedBody(req, reply, body, JSON_TYPE);
  });

  // ----- internal -----
  r.get('/api/programs', { onRequest: requireUser, schema: { tags, response: { 200: Type.Array(ProgramSummarySchema), ...authErrors } } }, async (req) => listPrograms(ctxOf(req)));
  r.get('/api/programs/:id', { onRequest: requireUser, schema: { tags, summary: 'A program with every indicator (internal ones too for municipal staff)', params: IdParams, querystring: AsOf, response: { 200: Type.Ref('ProgramView'), ...authErrors } } }, async (req) => {
    const ctx = ctxOf(req);
    if (!programPolicy.readInternal(ctx.actor)) throw AppError.forbidden();
    return getProgramView(ctx, req.params.id, { publicOnly: false, asOf: req.query.asOf });
  });
  r.post('/api/programs/import', { onRequest: requireUser, schema: { tags, summary: 'Load or update a program from its JSON data file (multipart field "file")', consumes: ['multipart/form-data'], response: { 200: Type.Object({ programId: Type.String(), key: Type.String(), created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() }), ...authErrors, 422: Type.Ref('Error') } } }, async (req) => {
    const file = await req.file();
    if (!file) throw AppError.validation('Velg en fil', [{ field: 'file', message: 'Filen mangler' }]);
    let json: unknown;
    try {
      json = JSON.parse((await file.toBuffer()).toString('utf8'));
    } catch (e) {
      throw new AppError('import_failed', `${file.filename}: ikke gyldig JSON`, [{ file: file.filename, message: (e as Error).message }]);
    }
    return importProgram(ctxOf(req), json, file.filename);
  });
  r.post('/api/programs/:id/values/import', { onRequest: requireUser, schema: { tags, summary: 'Import indicator values from CSV or XLSX (multipart field "file"; columns indikator;periode;dato;verdi;merknad)', params: IdParams, consumes: ['multipart/form-data'], response: { 200: Type.Object({ file: Type.String(), format: Type.String(), encoding: Type.Union([Type.String(), Type.Null()]), rows: Type.Integer(), created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() }), ...authErrors, 422: Type.Ref('Error') } } }, async (req) => {
    const file = await req.file();
    if (!file) throw AppError.validation('Velg en fil', [{ field: 'file', message: 'Filen mangler' }]);
    return importValues(ctxOf(req), req.params.id, file.filename, await file.toBuffer());
  });
  r.post('/api/indicators/:id/values', { onRequest: requireUser, schema: { tags, summary: 'Record a value (program editors, or the responsible unit)', params: IdParams, body: ValueBody, response: { 201: Type.Object({}, { additionalProperties: true }), ...authErrors } } }, async (req, reply) => reply.status(201).send(await recordValue(ctxOf(req), req.params.id, req.body)));
  r.post('/api/indicators/:id/sources/jsonstat', { onRequest: requireUser, schema: { tags, summary: "Import one series of a JSON-stat 2.0 dataset (Statistics Norway's API format) as an open-data source beside the indicator's others (multipart: file; filter like Region=3203,ContentsCode=Personer1; time; at=start|end; url)", params: IdParams, consumes: ['multipart/form-data'], response: { 200: Type.Object({ sourceId: Type.String(), sourceName: Type.String(), values: Type.Integer(), created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() }), ...authErrors, 422: Type.Ref('Error') } } }, async (req) => {
    const file = await req.file();
    if (!file) throw AppError.validation('Velg en fil', [{ field: 'file', message: 'Filen mangler' }]);
    const field = (name: string) => {
      const f = file.fields[name];
      return f && !Array.isArray(f) && f.type === 'field' ? String(f.value).trim() : '';
    };
    const json = (await file.toBuffer()).toString('utf8');
    const filter: Record<string, string> = {};
    for (const part of field('filter').split(',').filter(Boolean)) {
      const [k, v] = part.split('=').map((x) => x.trim());
      if (!k || !v) throw AppError.validation('Ugyldig utvalg', [{ field: 'filter', message: `«${part}» må ha formen Dimensjon=kode` }]);
      filter[k] = v;
    }
    const at = field('at');
    if (at && at !== 'start' && at !== 'end') throw AppError.validation('Ugyldig datering', [{ field: 'at', message: 'Bruk start eller end' }]);
    return importJsonStat(ctxOf(req), req.params.id, { fileName: file.filename, json, filter, time: field('time') || undefined, at: (at || 'end') as 'start' | 'end', url: field('url') || null });
  });
  r.post('/api/indicators/:id/sources/table', { onRequest: requireUser, schema: { tags, summary: "Import a published table (CSV/XLSX, e.g. the Environment Agency's municipal emission figures) as an open-data source: this municipality's rows summed per year (multipart: file; municipalityColumn, yearColumn, valueColumn, producer; optional where like Sektor=Jordbruk, sheet, dataset, url)", params: IdParams, consumes: ['multipart/form-data'], response: { 200: Type.Object({ sourceId: Type.String(), sourceName: Type.String(), values: Type.Integer(), created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() }), ...authErrors, 422: Type.Ref('Error') } } }, async (req) => {
    const file = await req.file();
    if (!file) throw AppError.validation('Velg en fil', [{ field: 'file', message: 'Filen mangler' }]);
    const field = (name: string) => {
      const f = file.fields[name];
      return f && !Array.isArray(f) && f.type === 'field' ? String(f.value).trim() : '';
    };
    const data = await file.toBuffer();
    const where = Object.fromEntries(field('where').split(',').filter(Boolean).map((kv) => kv.split('=').map((x) => x.trim()) as [string, string]));
    const m = req.municipality!;
    return importTableSource(ctxOf(req), req.params.id, [m.number, ...m.previousNumbers], { fileName: file.filename, data, sheet: field('sheet') || undefined, municipalityColumn: field('municipalityColumn'), yearColumn: field('yearColumn'), valueColumn: field('valueColumn'), where, producer: field('producer'), dataset: field('dataset') || null, url: field('url') || null });
  });
  r.put('/api/indicators/:id/primary-source', { onRequest: requireUser, schema: { tags, summary: "Choose which source is the indicator's own (its status and charts use it)", params: IdParams, body: Type.Object({ sourceId: Type.String({ minLength: 1 }) }), response: { 204: Type.Null(), ...authErrors } } }, async (req, reply) => {
    await setPrimarySource(ctxOf(req), req.params.id, req.body.sourceId);
    return reply.status(204).send(null);
  });
  r.delete('/api/values/:id', { onRequest: requireUser, schema: { tags, params: IdParams, response: { 204: Type.Null(), ...authErrors } } }, async (req, reply) => {
    await deleteValue(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  r.post('/api/actions/:id/log', { onRequest: requireUser, schema: { tags, summary: "Add an update or a decision to an action's history, optionally changing its status", params: IdParams, body: ActionLogBody, response: { 201: Type.Object({}, { additionalProperties: true }), ...authErrors } } }, async (req, reply) => reply.status(201).send(await addActionLog(ctxOf(req), req.params.id, req.body)));
  r.get('/api/reporting', { onRequest: requireUser, schema: { tags, summary: 'What my unit owes: values due or overdue, and actions that need attention', querystring: Type.Object({ unitId: Type.Optional(Type.String()), asOf: Type.Optional(Type.String({ format: 'date' })) }), response: { 200: Type.Object({}, { additionalProperties: true }), ...authErrors } } }, async (req) => reportingOverview(ctxOf(req), { unitId: req.query.unitId, asOf: req.query.asOf }));
  r.get('/api/reporting/reminders/preview', { onRequest: requireUser, schema: { tags, summary: "The day's reminder e-mails (sent at 06:00): every one for program editors and admins, your own for other staff; sentAt once sent", querystring: AsOf, response: { 200: Type.Object({}, { additionalProperties: true }), ...authErrors } } }, async (req) => {
    const ctx = ctxOf(req);
    return previewDigests(ctx, req.query.asOf ?? localDate(ctx.now()), { publicUrl: req.server.deps.config.publicUrl });
  });
}
