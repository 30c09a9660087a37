// Offline after one visit (issue 22): the service worker keeps the build's files, the page
// loads and runs with the network gone, and a new deployment is offered as "Reload to update".
// The Python library (issue 20) is fetched when a program imports it, and kept for offline use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage, ready, runProgram, finished, until, URL } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The files the build's service worker precaches (the list `cargo xtask dist` wrote into it).
async function precacheList(base) {
  const sw = await (await fetch(new globalThis.URL('sw.js', base))).text();
  const list = sw.match(/const PRECACHE = \[(.*)\];/)[1];
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/// The library files the build's service worker caches after the app.
async function libraryList(base) {
  const sw = await (await fetch(new globalThis.URL('sw.js', base))).text();
  const list = sw.match(/const LIBRARY = \[(.*)\];/)[1];
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/// Waits until the page is controlled by the service worker and its cache holds the whole build.
function offlineReady(page, files) {
  return until(page, async (n) => {
    if (navigator.serviceWorker.controller?.state !== 'activated') return false;
    const name = (await caches.keys()).find((k) => k.startsWith('awaitlab-app-'));
    return name !== undefined && (await (await caches.open(name)).keys()).length >= n;
  }, files.length, { interval: 200 });
}

test('after one visit the page loads, opens the gallery and runs programs with the network gone', async () => {
  const files = await precacheList(URL);
  assert.ok(files.includes('index.html') && files.some((f) => f.endsWith('_bg.wasm')), files.join(' '));
  const context = await browser.newContext();
  const { page, errors } = await openPage(context);
  await offlineReady(page, files);
  await context.setOffline(true);
  // A reload as the learner makes it (Playwright's own reload passes the service worker by).
  await Promise.all([page.waitForNavigation(), page.evaluate(() => location.reload())]);
  await ready(page);
  assert.equal((await runProgram(page, 'import asyncio\nasync def main():\n    await asyncio.sleep(0.1)\n    print("offline ok")\nasyncio.run(main())\n')).output.trim(), 'offline ok');
  // A demo that uses the practice API: answered in the page, no network needed.
  await page.getByTestId('gallery').locator('summary').click();
  await page.locator('button[data-demo="02-sequential-vs-gather"]').click();
  await page.getByTestId('demo-info').waitFor();
  await page.getByTestId('run').click();
  const run = await finished(page);
  assert.equal(run.state, 'done', run.output);
  assert.match(run.output, /all_at_once: 4 videos/);
  // The teachers' guide too.
  const guide = await context.newPage();
  await guide.goto(new globalThis.URL('guide.html', URL).href);
  assert.ok((await guide.locator('h1').count()) >= 1);
  assert.deepEqual(errors, []);
  await context.close();
});

/// A copy of the build served from a folder of its own, so that a test can "deploy" a new one.
function serveCopy() {
  const dist = fileURLToPath(new globalThis.URL('../dist/', import.meta.url));
  const folder = mkdtempSync(join(tmpdir(), 'awaitlab-deploy-'));
  cpSync(dist, folder, { recursive: true });
  const types = { '.py': 'text/plain; charset=utf-8', '.json': 'application/json', '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/json' };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new globalThis.URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(folder, path.endsWith('/') ? path + 'index.html' : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ folder, server, url: `http://127.0.0.1:${server.address().port}/` })));
}

test('a new build deployed while the page is open is offered as "Reload to update", and the reload shows it', async () => {
  const site = await serveCopy();
  try {
    const files = await precacheList(site.url);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url);
    await ready(page);
    await offlineReady(page, files);
    assert.equal(await page.getByTestId('update-ready').count(), 0, 'a first visit is not an update');
    // The next deployment: any change to the build changes the worker's build id.
    const sw = join(site.folder, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const BUILD = '[0-9a-f]+';/, "const BUILD = 'f00dfeedf00dfeed';"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.getByTestId('update-ready').waitFor({ timeout: 30000 });
    await page.getByTestId('reload-update').click();
    await ready(page);
    assert.equal(await page.getByTestId('update-ready').count(), 0);
    const caches = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('awaitlab-app-')));
    assert.ok(caches.includes('awaitlab-app-f00dfeedf00dfeed'), caches.join(' '));
    await context.close();
  } finally {
    site.server.close();
    rmSync(site.folder, { recursive: true, force: true });
  }
});

test('a library module is fetched when a program first imports it, and every module works offline after one visit', async () => {
  const files = await precacheList(URL);
  const library = await libraryList(URL);
  assert.ok(library.some((f) => /^lib\/re\.[0-9a-f]{8}\.py$/.test(f)), library.join(' '));
  assert.ok(!files.some((f) => f.startsWith('lib/')), 'library files are not in the app\'s precache');
  const context = await browser.newContext();
  // What the page and the engine's worker ask for (the service worker's own requests, which
  // fill its library cache after the app, are another matter).
  const requested = [];
  const answered = [];
  context.on('request', (r) => { if (!r.serviceWorker()) requested.push(r.url()); });
  context.on('requestfinished', (r) => { if (!r.serviceWorker()) answered.push(r.url()); });
  const { page, errors } = await openPage(context);
  // The worker fetches asyncio.py while the learner reads, and what asyncio imports on import;
  // not what its functions import when they run (run_in_executor's concurrent.futures reaches
  // logging and re, a first visit's ~150 KB).
  const asyncioLoaded = () => answered.some((u) => /\/lib\/asyncio\.[0-9a-f]{8}\.py$/.test(u));
  for (let i = 0; i < 150 && !asyncioLoaded(); i++) await page.waitForTimeout(100);
  assert.ok(asyncioLoaded(), 'the worker fetches asyncio before a Run: ' + requested.join(' '));
  await page.waitForTimeout(500);
  assert.ok(!requested.some((u) => u.includes('/lib/re.')), 'the engine does not load re before a program imports it');
  assert.ok(!requested.some((u) => u.includes('/lib/logging.')), 'nor what asyncio imports lazily');
  const program = "import re\nprint(re.sub(r'(\\w+)@(\\w+)', r'\\2 at \\1', 'ann@home bob@work'))\n";
  const online = await runProgram(page, program);
  assert.equal(online.output.trim(), 'home at ann work at bob', online.output);
  // Seen in the network panel: re's files, fetched by the engine's worker when the program imported it.
  assert.ok(requested.some((u) => /\/lib\/re\.[0-9a-f]{8}\.py$/.test(u)), requested.filter((u) => u.includes('/lib/')).join(' '));
  assert.ok(requested.some((u) => /\/lib\/_re_parser\.[0-9a-f]{8}\.py$/.test(u)), 'the files re imports come with it');
  // An import inside a library function is loaded when it runs: run_in_executor's
  // concurrent.futures, then threading, which the program never names, are not fetched before
  // the run (the worker's synchronous reads of them do not show in Playwright's events).
  const executor = 'import asyncio\ndef work(n):\n    return n * 2\nasync def main():\n' +
    '    print(await asyncio.get_running_loop().run_in_executor(None, work, 21))\nasyncio.run(main())\n';
  const lazy = await runProgram(page, executor);
  assert.equal(lazy.output.trim(), '42', lazy.output);
  assert.ok(!requested.some((u) => /\/lib\/(threading|concurrent\.futures)\./.test(u)), requested.join(' '));
  await offlineReady(page, files);
  await until(page, async (n) => (await (await caches.open('awaitlab-lib')).keys()).length >= n, library.length, { interval: 200 });
  await context.setOffline(true);
  await Promise.all([page.waitForNavigation(), page.evaluate(() => location.reload())]);
  await ready(page);
  const offline = await runProgram(page, program);
  assert.equal(offline.output.trim(), 'home at ann work at bob', offline.output);
  // A module this visit never imported: the service worker cached the whole library.
  const never = await runProgram(page, 'from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\nprint(P(3))\n');
  assert.equal(never.output.trim(), 'P(x=3)', never.output);
  // And a library function's import, loaded as it runs, from the same cache.
  const lazyOffline = await runProgram(page, executor);
  assert.equal(lazyOffline.output.trim(), '42', lazyOffline.output);
  assert.deepEqual(errors, []);
  await context.close();
});
