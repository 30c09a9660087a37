// Awaitlab's service worker: serves the practice API at <page folder>/api/... by relaying each
// request to the page that made it, where the API's logic (Rust, in the app's wasm) answers.
// Real fetch() calls, visible in the network panel; nothing else is touched.

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function apiPath(url) {
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  const rest = url.pathname.slice(scope.pathname.length);
  if (rest !== 'api' && !rest.startsWith('api/')) return null;
  return '/' + rest + url.search;
}

function reply(status, detail) {
  return new Response(JSON.stringify({ detail }), { status, headers: { 'content-type': 'application/json' } });
}

async function pageFor(event) {
  const own = event.clientId && (await self.clients.get(event.clientId));
  if (own) return own;
  // A request from elsewhere (a new tab opening /api/stats): any Awaitlab page may answer.
  const pages = await self.clients.matchAll({ type: 'window' });
  return pages[0] || null;
}

async function relay(event, path) {
  const page = await pageFor(event);
  if (!page) return reply(503, 'The practice API answers while an Awaitlab page is open.');
  const request = event.request;
  const body = ['GET', 'HEAD'].includes(request.method) ? null : await request.arrayBuffer();
  const channel = new MessageChannel();
  const answered = new Promise((resolve) => {
    channel.port1.onmessage = (message) => resolve(message.data);
  });
  const message = { type: 'awaitlab-api', method: request.method, path, headers: [...request.headers], body };
  page.postMessage(message, [channel.port2]);
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 120000));
  const answer = await Promise.race([answered, timeout]);
  if (!answer) return reply(504, 'The page did not answer in time.');
  const bodyless = request.method === 'HEAD' || [101, 204, 205, 304].includes(answer.status);
  return new Response(bodyless ? null : answer.body, {
    status: answer.status,
    statusText: answer.reason,
    headers: answer.headers,
  });
}

self.addEventListener('fetch', (event) => {
  const path = apiPath(new URL(event.request.url));
  if (path !== null) event.respondWith(relay(event, path));
});
