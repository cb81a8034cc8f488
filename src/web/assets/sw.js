// Lede's service worker: articles a reader visited or saved stay readable offline.
// Pages: network first, the cached copy when offline. Assets: cache first.
const VERSION = 'v1';
const PAGES = `lede-pages-${VERSION}`;
const ASSETS = `lede-assets-${VERSION}`;
const SAVED = 'lede-saved';
const CORE = ['/assets/style.css', '/assets/app.js', '/assets/icon.svg', '/offline'];
const MAX_PAGES = 200;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(ASSETS)
      .then((cache) => cache.addAll(CORE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith('lede-') && ![PAGES, ASSETS, SAVED].includes(k))
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function trim(cache) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(key);
}

async function networkFirst(request) {
  const url = new URL(request.url);
  const key = url.origin + url.pathname;
  try {
    const response = await fetch(request);
    if (response.ok && url.pathname.startsWith('/article/') && !url.search) {
      const cache = await caches.open(PAGES);
      await cache.put(key, response.clone());
      trim(cache);
    }
    return response;
  } catch (error) {
    const hit = (await caches.match(key, { ignoreSearch: true })) ?? (await caches.match(request));
    if (hit) return hit;
    if (request.mode === 'navigate') {
      const offline = await caches.match('/offline');
      if (offline) return offline;
    }
    throw error;
  }
}

// Pages link to fingerprinted assets (/assets/app.js?v=…): a new release is a new URL, a miss
// here. One copy of each asset is kept; offline, another release's copy beats none.
async function cacheFirst(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const older = await caches.match(request, { ignoreSearch: true });
    if (older) return older;
    throw error;
  }
  if (response.ok) {
    const cache = await caches.open(ASSETS);
    for (const old of await cache.keys(request, { ignoreSearch: true })) await cache.delete(old);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else if (request.mode === 'navigate' || url.pathname.startsWith('/article/'))
    event.respondWith(networkFirst(request));
});
