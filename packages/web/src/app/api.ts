// The one way the web talks to the server: JSON, the session's CSRF token, the tenant prefix.

/** One problem with one field or line of the input, as the server reports it. */
export interface ErrorDetail {
  field?: string | null;
  line?: number;
  file?: string;
  message: string;
}

/** An error answer of the API: `{ code, message, details }` with the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Details that name a field, keyed by field (first message wins). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) if (d.field && !(d.field in out)) out[d.field] = d.message;
    return out;
  }
}

const TENANT_PREFIX = /^\/m\/([a-z0-9-]+)(?=\/|$)/;

/** "/m/<slug>" when the page was opened under a tenant prefix, else "". */
export function tenantPrefix(pathname: string = typeof location === 'undefined' ? '/' : location.pathname): string {
  const m = TENANT_PREFIX.exec(pathname);
  return m ? m[0] : '';
}

/** The API's base path for this page, e.g. "/api" or "/m/asker/api". */
export const apiBase = (): string => `${tenantPrefix()}/api`;

/** An absolute-path URL of an API resource with query parameters (empty values left out). */
export function apiUrl(path: string, query?: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `${apiBase()}${path}${qs ? `?${qs}` : ''}`;
}

let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (from /auth/session or the login answer). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | undefined | null>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's error page, say): fall back to the status below.
  }
  const b = body as { code?: unknown; message?: unknown; details?: unknown } | null;
  if (b && typeof b.code === 'string' && typeof b.message === 'string') {
    return new ApiError(res.status, b.code, b.message, Array.isArray(b.details) ? (b.details as ErrorDetail[]) : []);
  }
  return new ApiError(res.status, res.status >= 500 ? 'internal' : 'http_error', `HTTP ${res.status}`);
}

/** Calls the API; resolves with the parsed JSON (undefined for 204), rejects with ApiError. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', (e as Error).message);
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

/** A page of a list answer. */
export interface Paged<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
