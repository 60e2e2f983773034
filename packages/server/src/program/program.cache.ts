import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

// Public program responses, serialised and compressed once, then served from memory as
// buffers. Another instance's change shows here within TTL_MS at most, since every entry
// expires; writes made through this instance clear its entries at once.
const TTL_MS = 5_000;

export interface CachedBody {
  at: number;
  etag: string;
  name: string | null;
  raw: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
}

const entries = new Map<string, CachedBody>();
const pending = new Map<string, Promise<CachedBody>>();

/** A fresh cached body for key, built once even when many requests ask at the same time. */
export async function cachedBytes(key: string, build: () => Promise<{ bytes: Buffer; name?: string; compress: boolean }>): Promise<CachedBody> {
  const e = entries.get(key);
  if (e && Date.now() - e.at < TTL_MS) return e;
  let p = pending.get(key);
  if (!p) {
    p = build()
      .then(({ bytes, name, compress }) => {
        const entry: CachedBody = {
          at: Date.now(),
          etag: `"${createHash('sha1').update(bytes).digest('base64url')}"`,
          name: name ?? null,
          raw: bytes,
          gzip: compress ? gzipSync(bytes, { level: 6 }) : null,
          br: compress ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : null,
        };
        entries.set(key, entry);
        return entry;
      })
      .finally(() => pending.delete(key));
    pending.set(key, p);
  }
  return p;
}

/** A cached JSON value, compressed. */
export const cachedJson = (key: string, build: () => Promise<unknown>): Promise<CachedBody> => cachedBytes(key, async () => ({ bytes: Buffer.from(JSON.stringify(await build())), compress: true }));

/** Sends a cached body with its ETag, in the best encoding the client accepts; 304 when unchanged. */
export function sendCachedBody(req: FastifyRequest, reply: FastifyReply, entry: CachedBody, contentType: string): FastifyReply {
  reply.header('cache-control', 'public, max-age=60, stale-while-revalidate=300').header('etag', entry.etag).header('vary', 'accept-encoding');
  if (req.headers['if-none-match'] === entry.etag) return reply.status(304).send();
  const accept = req.headers['accept-encoding'] ?? '';
  reply.type(contentType);
  if (entry.br && /\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(entry.br);
  if (entry.gzip && /\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(entry.gzip);
  return reply.send(entry.raw);
}

/** Drops every cached response of a municipality. */
export function invalidateProgramCache(municipalityId: string): void {
  for (const k of entries.keys()) if (k.startsWith(`${municipalityId}:`)) entries.delete(k);
}
