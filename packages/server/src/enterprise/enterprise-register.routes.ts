import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Ctx } from '../platform/context.js';
import { ctxOf, requireUser } from '../platform/http/request-context.js';
import { authErrors, IdParams } from '../platform/http/schemas.js';
import { Type } from '@sinclair/typebox';
import { enterpriseReference } from './enterprise.reference.js';
import { addEngagement, addEvent, addMember, addProject, clusterAdmin, createVenture, createYouth, figures, getVenture, listVentures, listYouth, publicCluster, registerOptions, updateMember, updateVenture, updateYouth, type RegisterDeps } from './enterprise-register.service.js';
import { AnyObject, EngagementBody, EventBody, MemberBody, MemberPatch, PagedAny, ProjectBody, PublicCluster, VentureBody, VentureQuery, YouthBody, YouthQuery } from './enterprise-register.schema.js';

/** The register of social enterprises and green start-ups, youth companies and the green cluster (A4, A5, B6, B7). */
export async function enterpriseRegisterRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['enterprise'];
  const deps = (): RegisterDeps => ({ reference: enterpriseReference(app.deps.config.dataDir), industryNames: app.deps.reference.industryNames });
  const P = '/api/enterprise';
  const guard = { onRequest: requireUser };
  const anonymous = (req: FastifyRequest): Ctx => ({ ...ctxOf(req), actor: { kind: 'anonymous' as const, municipalityId: req.municipality!.id } });

  r.get(`${P}/options`, { ...guard, schema: { tags, summary: 'Kinds, ways of working, outcomes, cluster themes, schools, tenders and granted applications for the forms (staff)', response: { 200: AnyObject, ...authErrors } } }, async (req) => registerOptions(ctxOf(req), deps()));
  r.get(`${P}/figures`, { ...guard, schema: { tags, summary: 'The yearly figures behind the A4, A5, B6 and B7 indicators, computed as the program sees them (staff)', response: { 200: AnyObject, ...authErrors } } }, async (req) => figures(ctxOf(req)));
  r.get(`${P}/ventures`, { ...guard, schema: { tags, summary: 'The register of social enterprises and green start-ups, by name, filtered and paged (staff)', querystring: VentureQuery, response: { 200: PagedAny, ...authErrors } } }, async (req) => listVentures(ctxOf(req), req.query));
  r.post(`${P}/ventures`, { ...guard, schema: { tags, summary: 'Add a social enterprise or green start-up (org. number checked with MOD11 and linked to the organisations register; enterprise editors)', body: VentureBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createVenture(ctxOf(req), req.body)));
  r.get(`${P}/ventures/:id`, { ...guard, schema: { tags, summary: 'One venture with its ways of working (staff)', params: IdParams, response: { 200: AnyObject, ...authErrors } } }, async (req) => getVenture(ctxOf(req), req.params.id));
  r.put(`${P}/ventures/:id`, { ...guard, schema: { tags, summary: 'Change a venture (enterprise editors)', params: IdParams, body: VentureBody, response: { 200: AnyObject, ...authErrors } } }, async (req) => updateVenture(ctxOf(req), req.params.id, req.body));
  r.post(`${P}/ventures/:id/engagements`, { ...guard, schema: { tags, summary: 'Record a way of working: reserved contract, innovation partnership, pre-commercial procurement (optionally with a tender), grant (a granted application) or pilot (enterprise editors)', params: IdParams, body: EngagementBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await addEngagement(ctxOf(req), req.params.id, req.body)));
  r.get(`${P}/youth-companies`, { ...guard, schema: { tags, summary: 'Pupil and youth companies, newest year first, paged, with counts per year (staff)', querystring: YouthQuery, response: { 200: PagedAny, ...authErrors } } }, async (req) => listYouth(ctxOf(req), req.query));
  r.post(`${P}/youth-companies`, { ...guard, schema: { tags, summary: 'Register a pupil or youth company (the same name twice in a year is refused; enterprise editors)', body: YouthBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createYouth(ctxOf(req), req.body)));
  r.put(`${P}/youth-companies/:id`, { ...guard, schema: { tags, summary: 'Change a youth company, e.g. its outcome (enterprise editors)', params: IdParams, body: YouthBody, response: { 200: AnyObject, ...authErrors } } }, async (req) => updateYouth(ctxOf(req), req.params.id, req.body));
  r.get(`${P}/cluster`, { ...guard, schema: { tags, summary: 'The green cluster for its administrators: members, events, projects and companies that fit by industry code (staff)', response: { 200: AnyObject, ...authErrors } } }, async (req) => clusterAdmin(ctxOf(req), deps()));
  r.post(`${P}/cluster/members`, { ...guard, schema: { tags, summary: 'Add a member from the organisations register (enterprise editors)', body: MemberBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await addMember(ctxOf(req), deps(), req.body)));
  r.put(`${P}/cluster-members/:id`, { ...guard, schema: { tags, summary: 'Change a membership: theme, description, leaving date (enterprise editors)', params: IdParams, body: MemberPatch, response: { 200: AnyObject, ...authErrors } } }, async (req) => updateMember(ctxOf(req), deps(), req.params.id, req.body));
  r.post(`${P}/cluster/events`, { ...guard, schema: { tags, summary: 'Record an event with the member organisations that attended (enterprise editors)', body: EventBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await addEvent(ctxOf(req), req.body)));
  r.post(`${P}/cluster/projects`, { ...guard, schema: { tags, summary: 'Record a collaboration project between two or more members (enterprise editors)', body: ProjectBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await addProject(ctxOf(req), deps(), req.body)));

  // The public directory of the cluster: no login, nothing internal (the response schema strips any other field).
  r.get('/api/public/enterprise/cluster', { config: { rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags: ['open data'], summary: 'The green cluster: current members by theme with what they do, and running collaboration projects (open, no login)', response: { 200: PublicCluster, 400: Type.Ref('Error'), 404: Type.Ref('Error') } } }, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return publicCluster(anonymous(req), deps());
  });
}
