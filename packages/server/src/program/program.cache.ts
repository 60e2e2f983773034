// Public program responses, serialised once and served from memory. Another instance's
// change shows here within TTL_MS at most, since every entry expires; writes made through
// this instance clear its entries at once.
const TTL_MS = 5_000;
const entries = new Map<string, { at: number; body: string; etag: string }>();

/** A cached body for key, or null. */
export function cached(key: string, now = Date.now()): { body: string; etag: string } | null {
  const e = entries.get(key);
  return e && now - e.at < TTL_MS ? e : null;
}

/** Stores a body under key. */
export function store(key: string, body: string, etag: string, now = Date.now()): void {
  entries.set(key, { at: now, body, etag });
}

/** Drops every cached response of a municipality. */
export function invalidateProgramCache(municipalityId: string): void {
  for (const k of entries.keys()) if (k.startsWith(`${municipalityId}:`)) entries.delete(k);
}
