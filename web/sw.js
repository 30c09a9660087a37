// Awaitlab's service worker. Two jobs:
//
// 1. Offline after one visit: the build's files (listed by `cargo xtask dist`, which writes
//    BUILD and PRECACHE below, so the list cannot drift) are cached at install and served
//    cache-first; a new build's worker installs in the background, takes over, and the page
//    says "Reload to update". The Python library's modules (lib/, LIBRARY below: the engine's
//    worker fetches them when a program imports them) are cached at install too, after the
//    app, in a cache of their own kept across builds: their names carry their content's hash,
//    so a new build downloads only the files that changed, and every module works offline.
// 2. The practice API at <page folder>/api/...: each request is relayed to an Awaitlab app
//    page, where the API's logic (Rust, in the app's wasm) answers. Real fetch() calls,
//    visible in the network panel.
//
// Security (see ARCHITECTURE.md): every answer is a sandboxed document that may run nothing,
// whoever answers it; requests are relayed only to app pages (never to a window that shows an
// /api/ document or another page of the origin), and a page that does not take a request
// within a second is passed over. Only the build's own files and its lib/ modules are cached.

const BUILD = 'dev';
const PRECACHE = [];
const LIBRARY = [];

const APP_CACHE = `awaitlab-app-${BUILD}`;
const LIBRARY_CACHE = 'awaitlab-lib';

function own(path) {
  return new URL(path, self.registration.scope).href;
}

/// The library files this build lists that the library cache lacks, fetched one by one (a
/// file that fails is fetched when a program imports it).
async function cacheLibrary() {
  const cache = await caches.open(LIBRARY_CACHE);
  const have = new Set((await cache.keys()).map((r) => r.url));
  for (const path of LIBRARY) {
    if (have.has(own(path))) continue;
    try {
      await cache.add(own(path));
    } catch (e) {
      console.warn('Awaitlab: library file not cached:', path, e);
    }
  }
}

/// Drops library files no longer listed (an earlier build's versions).
async function pruneLibrary() {
  const cache = await caches.open(LIBRARY_CACHE);
  const listed = new Set(LIBRARY.map(own));
  for (const request of await cache.keys()) {
    if (!listed.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // Best effort: a worker that could not cache (a host refusing a file) still relays the
    // practice API; the page then simply needs the network.
    try {
      const cache = await caches.open(APP_CACHE);
      // `no-cache`: what the page has just loaded comes from the HTTP cache once revalidated
      // (a 304, no body), so a first visit does not fetch the app twice.
      await cache.addAll(PRECACHE.map((path) => new Request(new URL(path, self.registration.scope), { cache: 'no-cache' })));
    } catch (e) {
      console.warn('Awaitlab: offline copy incomplete:', e);
    }
    await cacheLibrary();
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // The build before this one stays a while: a page still showing it may load a part of it
    // late (the Rust twins' module); older ones go.
    const apps = (await caches.keys()).filter((k) => k.startsWith('awaitlab-app-') && k !== APP_CACHE);
    for (const old of apps.slice(0, -1)) await caches.delete(old);
    await caches.delete('awaitlab-runtime');
    if (BUILD !== 'dev') await pruneLibrary();
    await self.clients.claim();
  })());
});

// How long a page has to say it took a request, and then to answer it (the practice API's
// latency is at most 60 s, plus its line).
const ACCEPT_MS = 1000;
const ANSWER_MS = 120000;

function scope() {
  return new URL(self.registration.scope);
}

function apiPath(url) {
  const base = scope();
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  const rest = url.pathname.slice(base.pathname.length);
  if (rest !== 'api' && !rest.startsWith('api/')) return null;
  return '/' + rest + url.search;
}

/// The app itself (index.html, with any query: embeds too), not the guide, not an /api/ document.
function isAppPage(client) {
  if (!client || client.type !== 'window') return false;
  const url = new URL(client.url);
  const base = scope();
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return false;
  const rest = url.pathname.slice(base.pathname.length);
  return rest === '' || rest === 'index.html';
}

/// What every practice-API answer carries, whatever the page said.
function secure(headers) {
  const type = headers.get('content-type') || '';
  headers.set('content-security-policy', type.startsWith('image/') ? "sandbox; default-src 'none'; img-src data:" : "sandbox; default-src 'none'");
  headers.set('x-content-type-options', 'nosniff');
  headers.set('cross-origin-resource-policy', 'same-origin');
  return headers;
}

function reply(status, detail) {
  const headers = secure(new Headers({ 'content-type': 'application/json' }));
  return new Response(JSON.stringify({ detail }), { status, headers });
}

/// The pages that may answer: the one that asked first, then the open app pages (focused first).
async function candidates(event) {
  const own = event.clientId ? await self.clients.get(event.clientId) : null;
  const pages = (await self.clients.matchAll({ type: 'window' })).filter(isAppPage);
  pages.sort((a, b) => Number(b.focused) - Number(a.focused));
  const ordered = isAppPage(own) ? [own, ...pages.filter((p) => p.id !== own.id)] : pages;
  return ordered;
}

/// Posts the request to one page; resolves with its answer, or null if it did not take it.
function ask(page, message) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    let accepted = false;
    const notTaken = setTimeout(() => { if (!accepted) resolve(null); }, ACCEPT_MS);
    const tooLate = setTimeout(() => resolve({ late: true }), ANSWER_MS);
    channel.port1.onmessage = (m) => {
      if (m.data && m.data.type === 'accepted') {
        accepted = true;
        clearTimeout(notTaken);
      } else {
        clearTimeout(notTaken);
        clearTimeout(tooLate);
        resolve(m.data);
      }
    };
    page.postMessage(message, [channel.port2]);
  });
}

async function relay(event, path) {
  const request = event.request;
  const body = ['GET', 'HEAD'].includes(request.method) ? null : await request.arrayBuffer();
  const message = { type: 'awaitlab-api', method: request.method, path, headers: [...request.headers], body };
  for (const page of await candidates(event)) {
    const answer = await ask(page, message);
    if (!answer) continue;
    if (answer.late) return reply(504, 'The page did not answer in time.');
    const bodyless = request.method === 'HEAD' || [101, 204, 205, 304].includes(answer.status);
    try {
      return new Response(bodyless ? null : answer.body, {
        status: answer.status,
        statusText: answer.reason,
        headers: secure(new Headers(answer.headers)),
      });
    } catch (e) {
      return reply(502, 'The page gave an answer that is not a valid HTTP response.');
    }
  }
  return reply(503, 'The practice API answers while an Awaitlab page is open: open Awaitlab in another tab, then try again.');
}

/// The path of a request under the worker's scope ('' for the scope itself), or null.
function scopePath(url) {
  const base = scope();
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  return url.pathname.slice(base.pathname.length);
}

/// A file of the build (any page of the app is its index.html), from the cache; else from the
/// network, keeping the library files it gives.
async function fromCache(request, path) {
  const page = request.mode === 'navigate' && (path === '' || path === 'index.html');
  const key = page ? new URL('index.html', scope()).href : request;
  const cached = await caches.match(key, { ignoreSearch: page || request.mode === 'navigate' });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && path.startsWith('lib/')) {
    const copy = response.clone();
    caches.open(LIBRARY_CACHE).then((c) => c.put(request, copy));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const path = apiPath(url);
  if (path !== null) {
    event.respondWith(relay(event, path));
    return;
  }
  const own = scopePath(url);
  if (event.request.method === 'GET' && own !== null) event.respondWith(fromCache(event.request, own));
});
