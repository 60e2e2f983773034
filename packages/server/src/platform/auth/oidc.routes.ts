import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../errors.js';
import { setSessionCookie } from './auth.routes.js';
import { OIDC_STATE_TTL_MS, OidcLoginError, finishOidcLogin, startOidcLogin } from './oidc.service.js';

// Binds a started login to the browser that started it, so that nobody can hand a victim a
// callback URL of their own login (login CSRF). The state itself lives in the database.
const STATE_COOKIE = 'omstilling_oidc';
const STATE_COOKIE_PATH = '/api/auth/oidc';

const notConfigured = () => new AppError('not_found', 'Innlogging med OpenID Connect er ikke satt opp');
const meta = (req: FastifyRequest) => ({ ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null });

function fail(req: FastifyRequest, reply: FastifyReply, kind: OidcLoginError['kind'], reason: string) {
  req.log.warn({ reason }, `OIDC login refused (${kind})`);
  // Keep the /m/<slug> prefix the login started under, so the page shows in the right municipality.
  const slug = (req.raw as unknown as { tenantSlug?: string }).tenantSlug;
  return reply.redirect(`${slug ? `/m/${slug}` : ''}/login?error=${kind}`, 302);
}

export async function oidcRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/auth/oidc/start',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in through the OpenID Connect provider: redirects there',
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 2000 })) }),
        response: { 302: Type.Null(), 404: Type.Ref('Error') },
      },
    },
    async (req, reply) => {
      if (!app.deps.config.oidc) throw notConfigured();
      if (!req.municipality) throw new AppError('not_found', 'Ukjent kommune');
      let started;
      try {
        started = await startOidcLogin(app.deps, req.municipality.id, req.query.returnTo);
      } catch (err) {
        // Usually the provider's discovery document could not be fetched.
        req.log.error(err);
        return fail(req, reply, 'oidc_failed', 'could not start the login at the provider');
      }
      reply.setCookie(STATE_COOKIE, started.state, {
        path: STATE_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax', // sent along on the provider's top-level redirect back to us
        secure: app.deps.config.publicUrl.startsWith('https:'),
        signed: true,
        maxAge: OIDC_STATE_TTL_MS / 1000,
      });
      return reply.redirect(started.url.href, 302);
    },
  );

  r.get(
    '/api/auth/oidc/callback',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Where the provider sends the browser back; signs in and redirects to where the login started',
        querystring: Type.Object({ state: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: true }),
        response: { 302: Type.Null(), 404: Type.Ref('Error') },
      },
    },
    async (req, reply) => {
      if (!app.deps.config.oidc) throw notConfigured();
      const cookie = req.cookies[STATE_COOKIE];
      reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
      if (!req.municipality) return fail(req, reply, 'oidc_failed', 'no municipality for this host');
      const state = req.query.state;
      if (!state) return fail(req, reply, 'oidc_failed', 'callback without state');
      const bound = cookie ? req.unsignCookie(cookie) : null;
      if (!bound?.valid || bound.value !== state) return fail(req, reply, 'oidc_failed', 'state does not belong to this browser');
      const query = req.raw.url?.split('?')[1] ?? '';
      try {
        const done = await finishOidcLogin(app.deps, req.municipality.id, state, query, meta(req));
        setSessionCookie(req, reply, done.session);
        return reply.redirect(done.returnTo, 302);
      } catch (err) {
        if (err instanceof OidcLoginError) return fail(req, reply, err.kind, err.reason);
        req.log.error(err);
        return fail(req, reply, 'oidc_failed', 'internal error');
      }
    },
  );
}
