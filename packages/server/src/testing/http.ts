import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { buildApp } from '../app.js';
import { seedDemo } from '../demo/demo.service.js';
import { SESSION_COOKIE } from '../platform/auth/auth.routes.js';
import type { AppDeps } from '../platform/http/deps.js';
import { municipalityRepository, type Municipality } from '../platform/municipalities.js';
import { createTestEnv, type TestEnv } from './databases.js';

/** The password of every demo user in data/demo/<slug>/users.json. */
export const DEMO_PASSWORD = 'omstilling-demo';

/** A signed-in test user: the session cookie, its CSRF token and who it is. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  user: { id: string; email: string; role: string; unitId: string | null; organisationId: string | null };
  /** Headers for a request as this user; state-changing requests get the CSRF token too. */
  headers(extra?: Record<string, string>): Record<string, string>;
}

export interface TestApp {
  engine: 'sqlite' | 'postgres';
  app: FastifyInstance;
  deps: AppDeps;
  env: TestEnv;
  /** Every route as Fastify registered it (through buildApp's onRoute option). */
  routes: RouteOptions[];
  /** Signs in through POST /api/auth/login; `host` or `prefix` (/m/<slug>) picks the municipality. */
  login(email: string, options?: { password?: string; host?: string; prefix?: string }): Promise<TestSession>;
  close(): Promise<void>;
}

// Each login comes from its own address, so that tests never trip the login rate limit by accident.
let nextAddress = 0;
const freshAddress = () => {
  nextAddress++;
  return `10.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`;
};

/**
 * A fresh database of the engine with the demo municipalities seeded and the app built, for
 * `app.inject` (no network). `before` runs after seeding and before the first request, which
 * matters for new municipalities: the app caches the municipality list on its first request.
 */
export async function startTestApp(engine: 'sqlite' | 'postgres', options: { seed?: string[]; env?: Record<string, string>; before?: (deps: AppDeps) => Promise<void> } = {}): Promise<TestApp> {
  const env = await createTestEnv(engine, options.env ?? {});
  try {
    for (const slug of options.seed ?? ['asker']) await seedDemo(env.deps, slug);
    if (options.before) await options.before(env.deps);
    const routes: RouteOptions[] = [];
    const app = await buildApp(env.deps, { onRoute: (r) => void routes.push(r) });
    await app.ready();
    return {
      engine,
      app,
      deps: env.deps,
      env,
      routes,
      async login(email, o = {}) {
        const res = await app.inject({ method: 'POST', url: `${o.prefix ?? ''}/api/auth/login`, headers: o.host ? { host: o.host } : {}, remoteAddress: freshAddress(), payload: { email, password: o.password ?? DEMO_PASSWORD } });
        if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
        return sessionFrom(res, o.host);
      },
      async close() {
        await app.close();
        await env.close();
      },
    };
  } catch (e) {
    await env.close();
    throw e;
  }
}

/** The session a successful login response started. */
export function sessionFrom(res: LightMyRequestResponse, host?: string): TestSession {
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  if (!c) throw new Error(`no ${SESSION_COOKIE} cookie in the login response`);
  const body = res.json() as { csrfToken: string; user: TestSession['user'] };
  const cookie = `${SESSION_COOKIE}=${c.value}`;
  return {
    cookie,
    csrfToken: body.csrfToken,
    user: body.user,
    headers: (extra = {}) => ({ cookie, 'x-csrf-token': body.csrfToken, ...(host ? { host } : {}), ...extra }),
  };
}

/** A multipart/form-data body built the way a browser does (FormData), for inject(). */
export async function multipartBody(fields: Record<string, string>, file?: { name: string; data: Buffer | string; type: string; field?: string }): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) fd.append(file.field ?? 'file', new Blob([typeof file.data === 'string' ? file.data : new Uint8Array(file.data)], { type: file.type }), file.name);
  const res = new Response(fd);
  return { payload: Buffer.from(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type')! } };
}

/** The municipality of a slug (throws when it is not there). */
export async function municipalityOf(deps: AppDeps, slug: string): Promise<Municipality> {
  const m = await municipalityRepository(deps.db).bySlug(slug);
  if (!m) throw new Error(`no municipality ${slug}`);
  return m;
}

/** Shorthand for inject with a JSON body. */
export function call(app: FastifyInstance, method: InjectOptions['method'], url: string, headers: Record<string, string> = {}, payload?: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
}

const FORMAT_SAMPLES: Record<string, string> = { date: '2024-01-01', 'date-time': '2024-01-01T00:00:00.000Z', email: 'test@example.org', uri: 'https://example.org', uuid: '00000000-0000-4000-8000-000000000000', time: '00:00:00' };

/**
 * The smallest value that passes a JSON schema (TypeBox): required properties only, first
 * variant of a union, lower bounds. Tests send it so that an answer comes from the guard or the
 * policy, not from schema validation.
 */
export function sampleOf(schema: unknown): unknown {
  const s = (schema ?? {}) as Record<string, any>;
  if ('default' in s) return s.default;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  const union = s.anyOf ?? s.oneOf;
  if (Array.isArray(union)) return sampleOf(union[0]);
  if (Array.isArray(s.allOf)) return Object.assign({}, ...s.allOf.map(sampleOf));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of (s.required as string[] | undefined) ?? []) out[k] = sampleOf(s.properties?.[k]);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleOf(s.items));
    case 'string':
      if (s.format && FORMAT_SAMPLES[s.format]) return FORMAT_SAMPLES[s.format];
      return 'x'.repeat(Math.max(s.minLength ?? 0, 1)).slice(0, s.maxLength ?? Infinity);
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return {};
  }
}
