import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../errors.js';
import { loginWithPassword, logout, type StartedSession } from './auth.service.js';

export const SESSION_COOKIE = 'omstilling_sid';

const Me = Type.Object({
  authenticated: Type.Boolean(),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  user: Type.Union([
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      email: Type.String(),
      role: Type.String(),
      domains: Type.Array(Type.String()),
      unitId: Type.Union([Type.String(), Type.Null()]),
      unitScope: Type.Array(Type.String(), { description: "A unit manager's unit and every unit below it" }),
      organisationId: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});

/** Puts a new session in a signed, HttpOnly, SameSite cookie (Secure on https). */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, s: StartedSession): void {
  reply.setCookie(SESSION_COOKIE, s.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.server.deps.config.publicUrl.startsWith('https:'),
    signed: true,
    expires: new Date(s.expiresAt),
  });
}

const meta = (req: FastifyRequest) => ({ ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null });

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/auth/session', { schema: { tags: ['auth'], summary: 'Who is signed in, and the CSRF token for state-changing requests', response: { 200: Me } } }, async (req) => {
    const a = req.actor;
    if (a.kind !== 'user') return { authenticated: false, csrfToken: null, user: null };
    return { authenticated: true, csrfToken: req.csrfToken, user: { id: a.userId, name: a.name, email: a.email, role: a.role, domains: [...a.domains], unitId: a.unitId, unitScope: [...a.unitScope], organisationId: a.organisationId } };
  });

  r.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1000 }) }),
        response: { 200: Me, 401: Type.Ref('Error'), 429: Type.Ref('Error') },
      },
    },
    async (req, reply) => {
      if (!req.municipality) throw new AppError('not_found', 'Ukjent kommune');
      const { config } = app.deps;
      const s = await loginWithPassword(app.deps.db, req.municipality.id, req.body.email, req.body.password, meta(req), app.deps.now(), config.sessionTtlHours);
      setSessionCookie(req, reply, s);
      const a = s.actor;
      return { authenticated: true, csrfToken: s.csrfToken, user: { id: a.userId, name: a.name, email: a.email, role: a.role, domains: [...a.domains], unitId: a.unitId, unitScope: [...a.unitScope], organisationId: a.organisationId } };
    },
  );

  r.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: Type.Null() } } }, async (req, reply) => {
    if (req.sessionId) await logout(app.deps.db, req.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });
}
