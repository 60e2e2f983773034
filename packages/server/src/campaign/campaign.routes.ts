import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { canEditDomain, MIN_FORM_MS } from '@omstilling/core';
import type { Ctx } from '../platform/context.js';
import { ctxOf, pageOf, requireUser } from '../platform/http/request-context.js';
import { authErrors, IdParams, PageQuery } from '../platform/http/schemas.js';
import { cancelRegistration, campaignStatistics, createEvent, createPost, createTheme, issueFormToken, listEvents, listRegistrations, listThemes, moderatePost, moderationQueue, register, reportPost, themeWithThreads, updateEvent, updateTheme } from './campaign.service.js';
import { CancelBody, CancelResult, Event, EventBody, EventPage, EventsQuery, FormToken, ModerationBody, ModerationResult, PostBody, PostResult, Queue, RegistrationBody, RegistrationResult, Registrations, ReportBody, ReportResult, Stats, StatsQuery, Theme, ThemeBody, ThemeThreads } from './campaign.schema.js';

// Public routes (/api/public/campaign) need no account: residents read, register and post as an
// anonymous actor, so that no identity reaches the rows or the audit log. Writes are rate-limited
// per client address in each instance's memory; the per-poster burst limit lives in the database.
// Editor routes (/api/campaign) manage themes and events, the moderator queue and statistics.
const anonymous = (req: FastifyRequest): Ctx => ({ ...ctxOf(req), actor: { kind: 'anonymous' as const, municipalityId: req.municipality!.id } });

export async function campaignRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['campaign'];
  const P = '/api/public/campaign';
  const E = '/api/campaign';
  const errors = { 400: Type.Ref('Error'), 404: Type.Ref('Error'), 409: Type.Ref('Error'), 429: Type.Ref('Error') };
  const limited = (max: number) => ({ config: { rateLimit: { max, timeWindow: '1 minute' } }, bodyLimit: 32 * 1024 });
  const guard = { onRequest: requireUser };
  const conflict = { 409: Type.Ref('Error') };
  const secret = () => app.deps.config.sessionSecret;

  // Public
  r.get(`${P}/themes`, { ...limited(120), schema: { tags, summary: 'The campaign themes with their number of visible threads', response: { 200: Type.Array(Theme), ...errors } } }, async (req) => listThemes(anonymous(req)));
  r.get(`${P}/themes/:id`, { ...limited(120), schema: { tags, summary: 'A theme with its visible threads (newest first, paginated) and their visible replies', params: IdParams, querystring: PageQuery, response: { 200: ThemeThreads, ...errors } } }, async (req) => {
    const page = pageOf(req.query);
    return { ...(await themeWithThreads(anonymous(req), req.params.id, page)), ...page };
  });
  r.get(`${P}/events`, { ...limited(120), schema: { tags, summary: 'Upcoming events (not cancelled, not over), soonest first, with seats left', querystring: EventsQuery, response: { 200: EventPage, ...errors } } }, async (req) => {
    const page = pageOf(req.query);
    return { ...(await listEvents(anonymous(req), { themeId: req.query.themeId }, page)), ...page };
  });
  r.get(`${P}/form-token`, { ...limited(60), schema: { tags, summary: 'A signed token of when a post form was shown (a post sent sooner than minSeconds after it is refused as automatic)', response: { 200: FormToken, ...errors } } }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return { token: issueFormToken(secret(), req.server.deps.now().getTime()), minSeconds: MIN_FORM_MS / 1000 };
  });
  r.post(`${P}/themes/:id/posts`, { ...limited(6), schema: { tags, summary: 'Post a new thread or a reply (code of conduct accepted; spam checks; 6 per minute per client and 5 per 10 minutes per poster). Held for approval when the theme pre-moderates', params: IdParams, body: PostBody, response: { 201: PostResult, ...errors } } }, async (req, reply) => {
    const byStaff = canEditDomain(req.actor, 'campaign');
    return reply.status(201).send(await createPost(anonymous(req), req.params.id, req.body, { secret: secret(), address: req.ip, byStaff }));
  });
  r.post(`${P}/posts/:id/reports`, { ...limited(10), schema: { tags, summary: 'Report a post to the moderators with a reason (10 per minute per client)', params: IdParams, body: ReportBody, response: { 201: ReportResult, ...errors } } }, async (req, reply) => reply.status(201).send(await reportPost(anonymous(req), req.params.id, req.body)));
  r.post(`${P}/events/:id/registrations`, { ...limited(10), schema: { tags, summary: 'Register for an event without an account: a name or nickname, an optional e-mail, seats; never over capacity (409 with the seats left). Returns a cancel code shown once', params: IdParams, body: RegistrationBody, response: { 201: RegistrationResult, ...errors } } }, async (req, reply) => reply.status(201).send(await register(anonymous(req), req.params.id, req.body)));
  r.post(`${P}/registrations/cancel`, { ...limited(10), schema: { tags, summary: 'Cancel a registration with its cancel code; its seats are freed', body: CancelBody, response: { 200: CancelResult, ...errors } } }, async (req) => cancelRegistration(anonymous(req), req.body.code));

  // Campaign editors and admins
  r.post(`${E}/themes`, { ...guard, schema: { tags, summary: 'Add a theme with its moderation mode (campaign editors)', body: ThemeBody, response: { 201: Theme, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createTheme(ctxOf(req), req.body)));
  r.patch(`${E}/themes/:id`, { ...guard, schema: { tags, summary: 'Change a theme: texts, moderation mode, open or closed (campaign editors)', params: IdParams, body: ThemeBody, response: { 200: Theme, ...authErrors } } }, async (req) => updateTheme(ctxOf(req), req.params.id, req.body));
  r.get(`${E}/events`, { ...guard, schema: { tags, summary: 'Every event, past and cancelled ones too (campaign editors)', querystring: EventsQuery, response: { 200: EventPage, ...authErrors } } }, async (req) => {
    const page = pageOf(req.query);
    return { ...(await listEvents(ctxOf(req), { all: true, themeId: req.query.themeId }, page)), ...page };
  });
  r.post(`${E}/events`, { ...guard, schema: { tags, summary: 'Add a meeting, workshop or repair day (campaign editors)', body: EventBody, response: { 201: Event, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createEvent(ctxOf(req), req.body)));
  r.patch(`${E}/events/:id`, { ...guard, schema: { tags, summary: 'Change or cancel an event; the capacity never below the seats taken (campaign editors)', params: IdParams, body: EventBody, response: { 200: Event, ...authErrors } } }, async (req) => updateEvent(ctxOf(req), req.params.id, req.body));
  r.get(`${E}/events/:id/registrations`, { ...guard, schema: { tags, summary: "An event's registrations for its organisers (campaign editors)", params: IdParams, response: { 200: Registrations, ...authErrors } } }, async (req) => listRegistrations(ctxOf(req), req.params.id));
  r.get(`${E}/moderation`, { ...guard, schema: { tags, summary: 'The moderator queue: held and reported posts, oldest first (campaign editors and admins)', querystring: PageQuery, response: { 200: Queue, ...authErrors } } }, async (req) => {
    const page = pageOf(req.query);
    return { ...(await moderationQueue(ctxOf(req), page)), ...page };
  });
  r.post(`${E}/posts/:id/moderation`, { ...guard, schema: { tags, summary: 'Approve, hide (reason required), restore or dismiss the reports on a post; audited (campaign editors and admins)', params: IdParams, body: ModerationBody, response: { 200: ModerationResult, ...authErrors, ...conflict } } }, async (req) => moderatePost(ctxOf(req), req.params.id, req.body));
  r.get(`${E}/stats`, { ...guard, schema: { tags, summary: 'Participants, contributions, calculator results and pledges per week or month (campaign editors)', querystring: StatsQuery, response: { 200: Stats, ...authErrors } } }, async (req) => campaignStatistics(ctxOf(req), req.query));
}
