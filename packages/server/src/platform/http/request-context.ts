import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@omstilling/core';
import type { Municipality } from '../municipalities.js';
import { AppError } from '../errors.js';
import { TenantScope } from '../tenant.js';
import type { Ctx } from '../context.js';
import type { AppDeps } from './deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    municipality: Municipality | null;
    actor: Actor;
    sessionId: string | null;
    csrfToken: string | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** The service context of a request: its tenant, its actor, the app's clock. */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.municipality) throw new AppError('not_found', 'Ukjent kommune');
  return { scope: new TenantScope(req.server.deps.db, req.municipality.id), actor: req.actor, now: req.server.deps.now };
}

/**
 * Route guard: a session is required (401 otherwise). Authorisation proper is the service's policy.
 * Use it as `onRequest`, not `preHandler`: it must run before the body is parsed and validated,
 * so that an anonymous caller gets 401, never a 400 describing the schema.
 */
export async function requireUser(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (req.actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Du må logge inn');
}

/** Page query parameters with sane bounds. */
export function pageOf(query: { limit?: number; offset?: number }): { limit: number; offset: number } {
  return { limit: Math.min(Math.max(query.limit ?? 25, 1), 200), offset: Math.max(query.offset ?? 0, 0) };
}
