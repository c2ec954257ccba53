// NewsLens's service worker: keeps one complete build of the app for use with the network off.
//
// `cargo xtask post-build` (a Trunk post-build hook) fills in the two lines below: the build
// id and every file of the build with its SHA-256. A build is installed whole or not at all:
// each file is fetched with its integrity, so a server caught half-way through a deploy fails
// the install (the browser tries again later) instead of mixing old and new files. The new
// build waits until the page's "new version" button asks it to take over; then the old
// build's cache is deleted. In a debug build FILES is null and this worker removes itself.
const BUILD = 'dev';
const FILES = null;

// Caches are per origin: name them by scope, so copies under other paths are left alone.
const PREFIX = `newslens ${self.registration.scope} `;
const CACHE = PREFIX + BUILD;

self.addEventListener('install', (event) => {
  if (FILES === null) {
    self.skipWaiting();
    return;
  }
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        await Promise.all(
          FILES.map(async ([path, integrity]) => {
            const response = await fetch(new Request(path, { cache: 'no-cache', integrity }));
            if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
            await cache.put(path, response);
          }),
        );
      } catch (error) {
        await caches.delete(CACHE);
        throw error;
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      if (FILES === null) {
        // A development build: no offline copy, and pages go back to the server.
        await caches.delete(CACHE);
        await self.registration.unregister();
        for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
        return;
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (FILES === null || request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  // The app's own address (with or without index.html or a query) is its page.
  const rest = url.pathname.slice(scope.pathname.length);
  const path = request.mode === 'navigate' && (rest === '' || rest === 'index.html') ? './index.html' : `./${rest}`;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(path, { ignoreSearch: true });
      return hit ?? fetch(request);
    })(),
  );
});
