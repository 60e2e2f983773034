import { sql } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DOMAINS } from '@omstilling/core';

// Domains whose pages and API exist; the web navigation says plainly which are not built yet.
export const BUILT_DOMAINS: readonly string[] = ['organisations', 'program', 'certification', 'foodwaste', 'apprenticeships', 'enterprise', 'procurement', 'footprint', 'climate', 'investments', 'land', 'services', 'campaign', 'economy', 'circular', 'agriculture'];

export async function metaRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/api/health', { schema: { tags: ['meta'], summary: 'Liveness and database reachability', response: { 200: Type.Object({ status: Type.String(), database: Type.String(), engine: Type.String() }), 503: Type.Object({ status: Type.String(), database: Type.String(), engine: Type.String() }) } } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(app.deps.db);
      return { status: 'ok', database: 'ok', engine: app.deps.database.engine };
    } catch {
      return reply.status(503).send({ status: 'degraded', database: 'unreachable', engine: app.deps.database.engine });
    }
  });
  r.get('/api/meta', { schema: { tags: ['meta'], summary: 'The municipality of this host, the domains and the login options' } }, async (req) => ({
    municipality: req.municipality ? { slug: req.municipality.slug, name: req.municipality.name, number: req.municipality.number } : null,
    domains: DOMAINS.map((d) => ({ key: d, built: BUILT_DOMAINS.includes(d) })),
    login: { password: true, oidc: app.deps.config.oidc ? { label: app.deps.config.oidc.label } : null },
  }));
}
