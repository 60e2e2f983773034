import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ctxOf, requireUser } from '../platform/http/request-context.js';
import { authErrors, IdParams } from '../platform/http/schemas.js';
import { callRanking, createApplication, createCall, createPlot, decideCall, getCall, getPlot, listApplications, listCalls, listDecisions, listPlots, options, overview, plotMap, updateCall, updatePlot } from './land.service.js';
import { AnyObject, AnyPage, ApplicationBody, ApplicationQuery, CallBody, CallPatch, CallQuery, DecisionBody, PageOnly, PlotBody, PlotPatch, PlotQuery } from './land.schema.js';

export async function landRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['land'];
  const P = '/api/land';
  const guard = { onRequest: requireUser };
  const ok = { 200: AnyObject, ...authErrors };

  r.get(`${P}/options`, { ...guard, schema: { tags, summary: 'Ranking criteria (with direction), plot and call statuses, normalisation formulas', response: ok } }, async (req) => options(ctxOf(req)));
  r.get(`${P}/overview`, { ...guard, schema: { tags, summary: 'Jobs per 1 000 m² on allocated municipal land and the green share of the area allocated, by year', response: ok } }, async (req) => overview(ctxOf(req)));
  r.get(`${P}/plots`, { ...guard, schema: { tags, summary: 'Municipal business plots by name, paged, with a summary', querystring: PlotQuery, response: { 200: AnyPage, ...authErrors } } }, async (req) => listPlots(ctxOf(req), req.query));
  r.get(`${P}/map`, { ...guard, schema: { tags, summary: "Every plot with its WGS84 position and outline, and the municipality's boundary (for the map)", response: ok } }, async (req) => plotMap(ctxOf(req), app.deps.config.dataDir));
  r.post(`${P}/plots`, { ...guard, schema: { tags, summary: 'Register a plot zoned for business (land editors); area > 0', body: PlotBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createPlot(ctxOf(req), req.body)));
  r.get(`${P}/plots/:id`, { ...guard, schema: { tags, summary: 'A plot with its calls', params: IdParams, response: ok } }, async (req) => getPlot(ctxOf(req), req.params.id));
  r.patch(`${P}/plots/:id`, { ...guard, schema: { tags, summary: 'Change a plot (land editors)', params: IdParams, body: PlotPatch, response: ok } }, async (req) => updatePlot(ctxOf(req), req.params.id, req.body));
  r.get(`${P}/land-calls`, { ...guard, schema: { tags, summary: 'Calls for applicants, latest deadline first', querystring: CallQuery, response: { 200: AnyPage, ...authErrors } } }, async (req) => listCalls(ctxOf(req), req.query));
  r.post(`${P}/land-calls`, { ...guard, schema: { tags, summary: 'Open a call on an available plot with criteria and weights summing to 100 (land editors)', body: CallBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createCall(ctxOf(req), req.body)));
  r.get(`${P}/land-calls/:id`, { ...guard, schema: { tags, summary: 'A call with its plot, criteria and decision', params: IdParams, response: ok } }, async (req) => getCall(ctxOf(req), req.params.id));
  r.patch(`${P}/land-calls/:id`, { ...guard, schema: { tags, summary: 'Change or close an undecided call (land editors)', params: IdParams, body: CallPatch, response: ok } }, async (req) => updateCall(ctxOf(req), req.params.id, req.body));
  r.get(`${P}/land-calls/:id/ranking`, { ...guard, schema: { tags, summary: 'The ranking of the applicants with every step (raw, normalised, weight, points) and the weight sensitivity (staff)', params: IdParams, response: ok } }, async (req) => callRanking(ctxOf(req), req.params.id));
  r.post(`${P}/land-calls/:id/applications`, { ...guard, schema: { tags, summary: 'Apply for the plot (a business user for their business while open; land editors on behalf)', params: IdParams, body: ApplicationBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createApplication(ctxOf(req), req.params.id, req.body)));
  r.post(`${P}/land-calls/:id/decision`, { ...guard, schema: { tags, summary: 'Record the allocation decision with its reason in the log (land editors)', params: IdParams, body: DecisionBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await decideCall(ctxOf(req), req.params.id, req.body)));
  r.get(`${P}/land-applications`, { ...guard, schema: { tags, summary: 'Applications, newest first (staff: all; a business user: their own)', querystring: ApplicationQuery, response: { 200: AnyPage, ...authErrors } } }, async (req) => listApplications(ctxOf(req), req.query));
  r.get(`${P}/decisions`, { ...guard, schema: { tags, summary: 'The decision log, newest first', querystring: PageOnly, response: { 200: AnyPage, ...authErrors } } }, async (req) => listDecisions(ctxOf(req), req.query));
}
