import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Ctx } from '../platform/context.js';
import { ctxOf } from '../platform/http/request-context.js';
import { listDistricts, pledge, shareResult, tally } from './footprint.service.js';
import { DistrictList, PledgeBody, PledgeResult, ShareBody, ShareResult, Tally } from './footprint.schema.js';

// The footprint API is public: residents need no account. Writes are rate-limited per client
// address (the address is not stored) and always act as an anonymous actor, also when a signed-in
// user shares, so that no identity reaches the rows or the audit log.
const anonymous = (req: FastifyRequest): Ctx => ({ ...ctxOf(req), actor: { kind: 'anonymous' as const, municipalityId: req.municipality!.id } });

export async function footprintRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['footprint'];
  const P = '/api/public/footprint';
  const errors = { 400: Type.Ref('Error'), 404: Type.Ref('Error'), 429: Type.Ref('Error') };
  const write = (max: number) => ({ config: { rateLimit: { max, timeWindow: '1 minute' } }, bodyLimit: 16 * 1024 });

  r.get(`${P}/districts`, { schema: { tags, summary: 'The districts residents may choose when they share anonymously', response: { 200: DistrictList, ...errors } } }, async (req) => listDistricts(anonymous(req)));
  r.get(`${P}/tally`, { config: { rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags, summary: 'Shared results and pledges: counts, averages (groups under 5 hidden), per action and district', response: { 200: Tally, ...errors } } }, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=30');
    return tally(anonymous(req));
  });
  r.post(`${P}/results`, { ...write(10), schema: { tags, summary: 'Share a calculator result anonymously: only the answers and an optional district are stored (10 per minute per client)', body: ShareBody, response: { 201: ShareResult, ...errors } } }, async (req, reply) => reply.status(201).send(await shareResult(anonymous(req), req.body)));
  r.post(`${P}/pledges`, { ...write(10), schema: { tags, summary: 'Pledge one or more actions anonymously; each saving comes from the model for the answers given (10 per minute per client)', body: PledgeBody, response: { 201: PledgeResult, ...errors } } }, async (req, reply) => reply.status(201).send(await pledge(anonymous(req), req.body)));
}
