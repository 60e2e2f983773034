import fs from 'node:fs';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance, type RouteOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { AppError, STATUS_BY_CODE, type ErrorDetail } from './platform/errors.js';
import { municipalityRepository, resolveMunicipality, type Municipality } from './platform/municipalities.js';
import { resolveSession } from './platform/auth/auth.service.js';
import { ErrorBody } from './platform/http/schemas.js';
import type { AppDeps } from './platform/http/deps.js';
import { SESSION_COOKIE } from './platform/auth/auth.routes.js';
import { registerRoutes } from './routes.js';
import './platform/http/request-context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TENANT_PREFIX = /^\/m\/([a-z0-9-]+)(?=\/|$|\?)/;

const safeEqual = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Maps Ajv's validation errors to details that name each bad field. */
function validationDetails(err: FastifyError): ErrorDetail[] {
  return (err.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string }).missingProperty;
    const field = [v.instancePath.replace(/^\//, '').replace(/\//g, '.'), missing].filter(Boolean).join('.') || null;
    return { field, message: v.message ?? 'ugyldig verdi' };
  });
}

export interface BuildAppOptions {
  /** Called for every route as it is registered (tests use it to enumerate the API). */
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the HTTP application; main.ts listens, tests use inject(). */
export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    trustProxy: config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', allErrors: true, removeAdditional: false } },
    // /m/<slug>/… picks the municipality by path; the rest of the URL routes as usual.
    rewriteUrl(req) {
      const url = req.url ?? '/';
      const m = TENANT_PREFIX.exec(url);
      if (!m) return url;
      (req as unknown as { tenantSlug: string }).tenantSlug = m[1]!;
      return url.slice(m[0].length) || '/';
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.decorate('deps', deps);
  app.decorateRequest('municipality', null);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.addSchema(ErrorBody);

  // Security headers: helmet's, computed once and copied onto every reply (running helmet per
  // request re-parses the policy and validates each header again).
  const securityHeaders: Record<string, string> = {};
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'", ...(config.oidc ? [config.oidc.issuer] : [])],
        upgradeInsecureRequests: config.publicUrl.startsWith('https:') ? [] : null,
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https:'),
    crossOriginEmbedderPolicy: false,
  })({} as never, { setHeader: (k: string, v: string) => (securityHeaders[k.toLowerCase()] = v), removeHeader: (k: string) => delete securityHeaders[k.toLowerCase()] } as never, () => {});
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Omstilling API', version: '0.1.0', description: 'JSON API of the Omstilling platform. Errors are `{ code, message, details }`.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, transformStaticCSP: (h) => h });

  // Municipalities change rarely; a short cache keeps every request from reading them.
  let cache: { at: number; list: Municipality[] } = { at: 0, list: [] };
  const municipalities = async (): Promise<Municipality[]> => {
    const now = Date.now();
    if (now - cache.at > 10_000) cache = { at: now, list: await municipalityRepository(deps.db).all() };
    return cache.list;
  };

  app.addHook('onRequest', async (req) => {
    req.municipality = resolveMunicipality(await municipalities(), { pathSlug: (req.raw as unknown as { tenantSlug?: string }).tenantSlug ?? null, host: req.hostname }, config.defaultMunicipality);
    req.actor = { kind: 'anonymous', municipalityId: req.municipality?.id ?? '' };
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token && req.municipality) {
      const unsigned = req.unsignCookie(token);
      if (unsigned.valid && unsigned.value) {
        const s = await resolveSession(deps.db, req.municipality.id, unsigned.value, deps.now(), config.sessionTtlHours);
        if (s) {
          req.actor = s.actor;
          req.sessionId = s.sessionId;
          req.csrfToken = s.csrfToken;
        }
      }
    }
    if (SAFE_METHODS.has(req.method)) return;
    if (req.sessionId) {
      // Signed in: every state-changing request carries the session's CSRF token.
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, req.csrfToken!)) throw new AppError('csrf', 'Mangler eller ugyldig CSRF-token');
    } else {
      // Not signed in (login, public forms): a JSON or multipart body forces a CORS preflight, which we never grant.
      const type = req.headers['content-type'] ?? '';
      if (req.headers['content-length'] !== '0' && type && !type.startsWith('application/json')) throw new AppError('csrf', 'Skjema fra andre nettsteder godtas ikke');
    }
  });

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(STATUS_BY_CODE[err.code]).send({ code: err.code, message: err.message, details: err.details });
    }
    if (err.validation) return reply.status(400).send({ code: 'validation', message: 'Ugyldig forespørsel', details: validationDetails(err) });
    if (err.statusCode === 429) return reply.status(429).send({ code: 'rate_limited', message: 'For mange forsøk. Vent litt og prøv igjen.', details: [] });
    if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE') return reply.status(413).send({ code: 'payload_too_large', message: 'Filen er for stor', details: [] });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return reply.status(err.statusCode).send({ code: 'validation', message: err.message, details: [] });
    req.log.error(err);
    return reply.status(500).send({ code: 'internal', message: 'Noe gikk galt på serveren', details: [] });
  });

  await registerRoutes(app);

  const index = path.join(config.webDistDir, 'index.html');
  if (fs.existsSync(index)) {
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: false, index: false, preCompressed: true, maxAge: '1h', setHeaders: (res, file) => file.includes(`${path.sep}assets${path.sep}`) && res.setHeader('cache-control', 'public, max-age=31536000, immutable') });
  }
  const indexHtml = fs.existsSync(index) ? fs.readFileSync(index, 'utf8') : null;
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/') && indexHtml) {
      // The single-page app owns every other path (deep links work after reload).
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    }
    return reply.status(404).send({ code: 'not_found', message: `Ingen side på ${req.method} ${req.url.split('?')[0]}`, details: [] });
  });
  return app;
}
