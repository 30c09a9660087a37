// Awaitlab's service worker: serves the practice API at <page folder>/api/... by relaying each
// request to an Awaitlab app page, where the API's logic (Rust, in the app's wasm) answers.
// Real fetch() calls, visible in the network panel; nothing else is touched.
//
// Security (see ARCHITECTURE.md): every answer is a sandboxed document that may run nothing,
// whoever answers it; requests are relayed only to app pages (never to a window that shows an
// /api/ document or another page of the origin), and a page that does not take a request
// within a second is passed over.

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

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

self.addEventListener('fetch', (event) => {
  const path = apiPath(new URL(event.request.url));
  if (path !== null) event.respondWith(relay(event, path));
});
