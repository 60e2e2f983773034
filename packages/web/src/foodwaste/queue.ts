import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { api, ApiError } from '../app/api';
import type { RegistrationBody } from './types';

// The quick-entry page's offline queue: every registration is first kept in localStorage and
// then sent; what the network did not take stays there and is sent when the browser is back
// online (the `online` event), when the page opens, or on the next save. The server stores a
// clientId once, so a registration sent twice (answer lost on the way back) is not counted twice.
// No service worker: the page itself must be loaded, which a cook's open tab is.

const KEY = 'omstilling.foodwaste.queue.v1';

export interface Queued {
  body: RegistrationBody;
  queuedAt: string;
}

const listeners = new Set<() => void>();
let cache: Queued[] | null = null;

function read(): Queued[] {
  if (cache) return cache;
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    cache = Array.isArray(v) ? (v as Queued[]) : [];
  } catch {
    cache = [];
  }
  return cache;
}
function write(items: Queued[]): void {
  cache = items;
  try {
    localStorage.setItem(KEY, JSON.stringify(items));
  } catch {
    // Storage full or blocked: the queue lives in memory for this page view.
  }
  for (const l of listeners) l();
}

/** Adds a registration to the queue. */
export function enqueue(body: RegistrationBody, now = new Date()): void {
  write([...read(), { body, queuedAt: now.toISOString() }]);
}

export interface FlushResult {
  sent: number;
  rejected: { body: RegistrationBody; message: string }[];
  offline: boolean;
}

let flushing: Promise<FlushResult> | null = null;

/** Sends the queue in order; stops at the first network failure; drops (and reports) what the server refuses. */
export function flush(): Promise<FlushResult> {
  flushing ??= (async () => {
    const result: FlushResult = { sent: 0, rejected: [], offline: false };
    try {
      for (const item of [...read()]) {
        try {
          await api('/foodwaste/registrations', { method: 'POST', body: item.body });
          result.sent++;
        } catch (e) {
          if (e instanceof ApiError && e.status !== 0 && e.status < 500 && e.status !== 401) result.rejected.push({ body: item.body, message: e.message + (e.details.length ? `: ${e.details.map((d) => d.message).join('; ')}` : '') });
          else {
            result.offline = true;
            break;
          }
        }
        write(read().filter((q) => q.body.clientId !== item.body.clientId));
      }
    } finally {
      flushing = null;
    }
    return result;
  })();
  return flushing;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) {
      cache = null;
      l();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener('storage', onStorage);
  };
};

/** The queue, live; flushes when the browser comes back online and when the page opens. */
export function useQueue(onFlushed?: (r: FlushResult) => void) {
  const items = useSyncExternalStore(subscribe, read, () => [] as Queued[]);
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const run = useCallback(async () => {
    if (!read().length) return;
    const r = await flush();
    onFlushed?.(r);
  }, [onFlushed]);
  useEffect(() => {
    const up = () => {
      setOnline(true);
      void run();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    if (navigator.onLine) void run();
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [run]);
  return { items, online, flush: run };
}
