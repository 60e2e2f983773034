import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ctxOf, requireUser } from '../platform/http/request-context.js';
import { authErrors, IdParams } from '../platform/http/schemas.js';
import { createCall, decide, getCall, listApplications, listCalls, saveReview, submitApplication, submitReport } from './enterprise.service.js';
import { enterpriseRegisterRoutes } from './enterprise-register.routes.js';
import { AnyObject, Application, ApplicationBody, ApplicationQuery, Call, CallBody, CallQuery, DecisionBody, ReportBody, ReviewBody } from './enterprise.schema.js';

export async function enterpriseRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['enterprise'];
  const P = '/api/enterprise';
  const guard = { onRequest: requireUser };
  const conflict = { 409: Type.Ref('Error') };

  r.get(`${P}/calls`, { ...guard, schema: { tags, summary: 'Grant rounds (calls for applications), newest deadline first; `domain` picks one scheme (enterprise or circular)', querystring: CallQuery, response: { 200: Type.Array(Call), ...authErrors } } }, async (req) => listCalls(ctxOf(req), req.query.domain));
  r.post(`${P}/calls`, { ...guard, schema: { tags, summary: 'Open a grant round with weighted criteria (weights sum to 100 %; enterprise editors)', body: CallBody, response: { 201: Call, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createCall(ctxOf(req), req.body)));
  r.get(`${P}/calls/:id`, { ...guard, schema: { tags, summary: "A call with its applications (staff: all; a business user: their own); for enterprise editors also the reviews and the ranking", params: IdParams, response: { 200: AnyObject, ...authErrors } } }, async (req) => getCall(ctxOf(req), req.params.id));
  r.post(`${P}/calls/:id/applications`, { ...guard, schema: { tags, summary: 'Apply before the deadline (a business user for their business, or an editor on its behalf); attachments are uploaded first with POST /api/files', params: IdParams, body: ApplicationBody, response: { 201: Application, ...authErrors } } }, async (req, reply) => reply.status(201).send(await submitApplication(ctxOf(req), req.params.id, req.body)));
  r.get(`${P}/applications`, { ...guard, schema: { tags, summary: 'Applications with their reports (staff: all; a business user: their own)', querystring: ApplicationQuery, response: { 200: Type.Array(AnyObject), ...authErrors } } }, async (req) => listApplications(ctxOf(req), req.query));
  r.post(`${P}/applications/:id/reviews`, { ...guard, schema: { tags, summary: "Save the caller's review: a conflict of interest (then no scores), or a score per criterion; saving again replaces it", params: IdParams, body: ReviewBody, response: { 200: AnyObject, ...authErrors, ...conflict } } }, async (req) => saveReview(ctxOf(req), req.params.id, req.body));
  r.post(`${P}/applications/:id/decision`, { ...guard, schema: { tags, summary: 'Grant (an amount within the budget) or decline, after the deadline (enterprise editors without a conflict on it)', params: IdParams, body: DecisionBody, response: { 200: Application, ...authErrors, ...conflict } } }, async (req) => decide(ctxOf(req), req.params.id, req.body));
  r.post(`${P}/applications/:id/reports`, { ...guard, schema: { tags, summary: "The grantee's report on what the grant was used for", params: IdParams, body: ReportBody, response: { 201: AnyObject, ...authErrors, ...conflict } } }, async (req, reply) => reply.status(201).send(await submitReport(ctxOf(req), req.params.id, req.body)));

  // The register of social enterprises and green start-ups, youth companies and the green cluster.
  await enterpriseRegisterRoutes(app);
}
