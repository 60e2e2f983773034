// Omstilling's service worker: lets pages that work offline (the food-waste quick entry) load
// without a network. The app shell and its hashed assets come from the cache when the network
// is gone; a few read-only API answers those pages need are kept as a fallback. Registrations
// made offline are queued by the page itself and sent when the network is back.
const SHELL = 'omstilling-shell-v1';
const API = 'omstilling-api-v1';
// Read-only answers a page needs to render offline; never anything that changes data.
const API_FALLBACK = [/\/api\/meta$/, /\/api\/auth\/session$/, /\/api\/foodwaste\/options$/, /\/api\/foodwaste\/kitchens$/];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.add('/')).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== API).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName, fallbackKey) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallbackKey ?? request, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(fallbackKey ?? request);
    if (hit) return hit;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every page is the same single-page app: the shell, fresh when online.
    event.respondWith(networkFirst(request, SHELL, '/'));
  } else if (url.pathname.includes('/assets/')) {
    event.respondWith(cacheFirst(request)); // hashed file names never change
  } else if (API_FALLBACK.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirst(request, API));
  }
});
