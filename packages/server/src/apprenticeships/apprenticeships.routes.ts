import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ctxOf, requireUser } from '../platform/http/request-context.js';
import { authErrors, IdParams } from '../platform/http/schemas.js';
import { apprenticeshipsReference } from './apprenticeships.reference.js';
import { createPlace, listPlaces, options, overview, updatePlace, type ApprenticeshipsDeps } from './apprenticeships.service.js';
import { AnyObject, DateQuery, Place, PlaceBody, PlacePage, PlacePatch, PlaceQuery } from './apprenticeships.schema.js';

export async function apprenticeshipsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['apprenticeships'];
  const deps = (): ApprenticeshipsDeps => ({ reference: apprenticeshipsReference(app.deps.config.dataDir) });
  const P = '/api/apprenticeships';
  const guard = { onRequest: requireUser };

  r.get(`${P}/options`, { ...guard, schema: { tags, summary: 'Trades (lærefag), programmes and place statuses', response: { 200: AnyObject, ...authErrors } } }, async (req) => options(ctxOf(req), deps()));
  r.get(`${P}/overview`, { ...guard, schema: { tags, summary: "Apprentices in municipal units by year against the road to the program's target; by sector, unit and trade; businesses; first-time training companies; units without apprentices (staff)", querystring: DateQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => overview(ctxOf(req), deps(), req.query.date));
  r.get(`${P}/places`, { ...guard, schema: { tags, summary: 'Places, newest first, filtered and paged (staff: all; a business user: their own)', querystring: PlaceQuery, response: { 200: PlacePage, ...authErrors } } }, async (req) => listPlaces(ctxOf(req), deps(), req.query));
  r.post(`${P}/places`, { ...guard, schema: { tags, summary: 'Register a place at a municipal unit or a local business (no personal identity numbers: the contract reference only)', body: PlaceBody, response: { 201: Place, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createPlace(ctxOf(req), deps(), req.body)));
  r.patch(`${P}/places/:id`, { ...guard, schema: { tags, summary: 'Change a place; its status moves forward only (open → filled → completed or dropped out)', params: IdParams, body: PlacePatch, response: { 200: Place, ...authErrors } } }, async (req) => updatePlace(ctxOf(req), deps(), req.params.id, req.body));
}
