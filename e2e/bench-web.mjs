// The page's size and speed, printed (run by `cargo xtask bench` against the release build):
// everything a first visit transfers, gzipped (budget 600 KB; over 700 KB the benchmark fails),
// and the offline copy the service worker adds in the background; navigation to a usable editor
// (target 0.5 s); Run click to the first output of a program without sleeps (target 50 ms);
// the timeline of a 100-task and a 10,000-task run: time to draw it (target 200 ms for 10k) and
// frames per second while zooming and panning (targets 60 and 30).
// Medians of cold visits in headless Chromium on localhost; a benchmark, not a test.
import { launch } from './helpers.mjs';
import { gzipSync, brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
// `--only throughput` or `--only slow`: just that section.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await launch();

// A slow classroom network (issue 22): Chrome DevTools' "Fast 3G" (1.6 Mbps down, 150 ms round
// trip), applied by a server of this benchmark's own that sends the build gzipped, as static
// hosts do, at that rate (one shared link) after one round trip per request: it throttles the
// engine's worker and the service worker's fetches too, which page-level emulation does not.
// Cold visits: editor usable (`main[data-ready]`) and Run ready (the engine loaded), beside the
// budgets of 2.5 s and 4.5 s.
async function slowNetwork() {
  const { createServer } = await import('node:http');
  const { join, extname } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  const RATE = 1.6e6 / 8; // bytes per second
  const RTT_MS = 150;
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/json' };
  // One server (one link) per visit: a closed page's service worker may still be fetching.
  const serve = () => {
    let linkFreeAt = 0; // when the link has sent what it was given
    const visitStart = Date.now();
    const server = createServer(async (req, res) => {
      const asked = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/\.\.+/g, '');
      const path = asked.endsWith('/') ? asked + 'index.html' : asked;
      let body;
      try { body = readFileSync(join(dist, path)); } catch { res.writeHead(404).end(); return; }
      const gz = /gzip/.test(req.headers['accept-encoding'] ?? '') && !/\.(png)$/.test(path);
      const sent = gz ? gzipSync(body, { level: 9 }) : body;
      await new Promise((r) => setTimeout(r, RTT_MS));
      const start = Math.max(Date.now(), linkFreeAt);
      linkFreeAt = start + (sent.length / RATE) * 1000;
      await new Promise((r) => setTimeout(r, linkFreeAt - Date.now()));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache', ...(gz ? { 'content-encoding': 'gzip' } : {}) });
      res.end(sent);
      if (process.env.AWAITLAB_BENCH_LOG) console.log(`  ${String(Date.now() - visitStart).padStart(6)} ms  ${(sent.length / 1024).toFixed(0).padStart(5)} KB  ${path}`);
    });
    return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
  };
  const editors = [];
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const server = await serve();
    const slow = `http://127.0.0.1:${server.address().port}/`;
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    const t0 = Date.now();
    await p.goto(slow, { waitUntil: 'commit' });
    await p.locator('main[data-ready="true"]').waitFor({ timeout: 60000 });
    editors.push(Date.now() - t0);
    if (process.env.AWAITLAB_BENCH_LOG) console.log(`  ${String(Date.now() - t0).padStart(6)} ms  editor usable`);
    await p.waitForSelector('[data-testid="run"]:not([disabled])', { timeout: 60000 });
    runs.push(Date.now() - t0);
    if (process.env.AWAITLAB_BENCH_LOG) console.log(`  ${String(Date.now() - t0).padStart(6)} ms  Run ready`);
    await ctx.close();
    server.close();
    server.closeAllConnections?.();
  }
  const [editor, run] = [median(editors), median(runs)];
  console.log(`Fast 3G (1.6 Mbps, 150 ms RTT), cold: editor usable ${(editor / 1000).toFixed(2)} s (budget 2.5 s: ${editor <= 2500 ? 'within' : 'OVER'}), Run ready ${(run / 1000).toFixed(2)} s (budget 4.5 s: ${run <= 4500 ? 'within' : 'OVER'}), medians of 3`);
}

// `--only slow`: just the slow-network load.
if (only === 'slow') {
  await slowNetwork();
  await browser.close();
  process.exit(0);
}

// Page throughput: the engine benchmark's workloads run in the page (instant mode, Run click to
// `done`, median of 5) beside python3's wall time on the same files; target 2.0x. Also the
// longest main-thread task during each run (Long Tasks API; target: none over 50 ms), and a
// million `sleep(0)`s.
async function throughput() {
  const dir = new globalThis.URL('../crates/cli/benches/workloads/', import.meta.url);
  const SAMPLES = 5;
  const files = readdirSync(dir).filter((f) => f.endsWith('.py')).sort();
  const million = 'import asyncio\nasync def main():\n    for i in range(1_000_000):\n        await asyncio.sleep(0)\n    print(i)\nasyncio.run(main())\n';
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p = await ctx.newPage();
  await p.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e); }).observe({ type: 'longtask', buffered: true });
  });
  await p.goto(url);
  await p.locator('main[data-ready="true"]').waitFor();
  await p.getByTestId('real-time').setChecked(false);
  // Run click to `done`, measured in the page; the longest task between them.
  const timedRun = async (source) => {
    await p.getByTestId('editor').fill(source);
    await p.waitForSelector('[data-testid="run"]:not([disabled])');
    return p.evaluate(() => new Promise((resolve) => {
      const state = document.querySelector('[data-testid="run-state"]');
      window.__longTasks = [];
      const start = performance.now();
      const observer = new MutationObserver(() => {
        if (['done', 'failed', 'stopped'].includes(state.dataset.state)) {
          observer.disconnect();
          const ms = performance.now() - start;
          // Long tasks are reported after they end: one more frame to collect the last.
          // Only tasks that began at the click or later: the editor's filling (a 25-70 ms task
          // of Playwright's typing, before the click) may be reported after it.
          const longest = () => Math.max(0, ...window.__longTasks.filter((e) => e.startTime >= start).map((e) => e.duration));
          requestAnimationFrame(() => setTimeout(() => resolve({ ms, state: state.dataset.state, longest: longest() }), 0));
        }
      });
      observer.observe(state, { attributes: true });
      document.querySelector('[data-testid="run"]').click();
    }));
  };
  const python = (file) => {
    const walls = [];
    for (let i = 0; i < SAMPLES; i++) {
      const start = process.hrtime.bigint();
      execFileSync('python3', [file], { stdio: 'ignore' });
      walls.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return median(walls);
  };
  console.log(`Page throughput: instant mode, Run click to done, median of ${SAMPLES}, beside python3's wall time (target 2.0x)`);
  console.log(`${'workload'.padEnd(22)} ${'page ms'.padStart(9)} ${'python3 ms'.padStart(11)} ${'ratio'.padStart(7)} ${'longest task ms'.padStart(16)}`);
  for (const file of files) {
    const path = new globalThis.URL(file, dir).pathname;
    const source = readFileSync(path, 'utf8');
    const runs = [];
    for (let i = 0; i < SAMPLES; i++) runs.push(await timedRun(source));
    const ms = median(runs.map((r) => r.ms));
    const longest = Math.max(...runs.map((r) => r.longest));
    const py = python(path);
    const ratio = ms / py;
    const states = [...new Set(runs.map((r) => r.state))].join(',');
    console.log(`${file.padEnd(22)} ${ms.toFixed(0).padStart(9)} ${py.toFixed(0).padStart(11)} ${(ratio.toFixed(2) + 'x').padStart(7)} ${longest.toFixed(0).padStart(16)}  ${ratio <= 2.0 ? 'within target' : 'OVER TARGET'}${longest > 50 ? ', LONG TASK' : ''}${states !== 'done' ? ` (${states})` : ''}`);
  }
  const m = await timedRun(million);
  console.log(`1M sleep(0) in one task: ${(m.ms / 1000).toFixed(2)} s to ${m.state}; longest main-thread task ${m.longest.toFixed(0)} ms${m.longest > 50 ? ' (LONG TASK)' : ''}`);
  await ctx.close();
}

if (only === 'throughput') {
  await throughput();
  await browser.close();
  process.exit(0);
}

// Size: what the browser actually fetched on a cold first visit (the service worker included).
const context = await browser.newContext();
const page = await context.newPage();
const fetched = new Map();
page.on('response', async (r) => {
  if (r.url().startsWith(url) && r.status() === 200) {
    try { fetched.set(r.url(), await r.body()); } catch { /* redirects, aborted */ }
  }
});
await page.goto(url);
await page.locator('main[data-ready="true"]').waitFor();
await page.waitForTimeout(1500); // the service worker script
await context.close();
// The service worker's script is fetched by the worker registration, outside the page's events.
const sw = new URL('sw.js', url).href;
if (!fetched.has(sw)) fetched.set(sw, Buffer.from(await (await fetch(sw)).arrayBuffer()));
// gzip is the budget's measure; brotli, which most static hosts now send to browsers that ask
// for it, is printed beside it.
const brotli = (body) => brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;
let total = 0;
let totalBrotli = 0;
console.log('Page benchmark (headless Chromium, localhost)');
console.log(`${'file'.padEnd(46)} ${'bytes'.padStart(9)} ${'gzipped'.padStart(9)} ${'brotli'.padStart(9)}`);
for (const [u, body] of [...fetched].sort()) {
  const gz = gzipSync(body, { level: 9 }).length;
  const br = brotli(body);
  total += gz;
  totalBrotli += br;
  console.log(`${(u.slice(url.length) || '(index.html)').padEnd(46)} ${String(body.length).padStart(9)} ${String(gz).padStart(9)} ${String(br).padStart(9)}`);
}
// Issue 22's budget: 600 KB gzipped (what GitHub Pages sends); past 700 KB the benchmark fails,
// so growth cannot go unnoticed.
const BUDGET_KB = 600;
const LIMIT_KB = 700;
const sizeOk = total <= BUDGET_KB * 1024;
console.log(`first visit transfers ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB): ${sizeOk ? 'within budget' : 'OVER BUDGET'}; ${(totalBrotli / 1024).toFixed(1)} KB with brotli`);
if (total > LIMIT_KB * 1024) {
  console.log(`FAIL: the first visit passes ${LIMIT_KB} KB gzipped`);
  process.exitCode = 1;
}
// The offline copy: what the service worker caches beyond what the page loaded (in the
// background, after the page is usable; revalidated files cost no body).
{
  const swText = fetched.get(sw).toString('utf8');
  const list = [...(swText.match(/const PRECACHE = \[(.*)\];/)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => new URL(m[1], url).href);
  let extra = 0;
  const names = [];
  for (const file of list.filter((f) => !fetched.has(f) && !(f === new URL('index.html', url).href && fetched.has(url)))) {
    extra += gzipSync(Buffer.from(await (await fetch(file)).arrayBuffer()), { level: 9 }).length;
    names.push(file.slice(url.length));
  }
  console.log(`offline copy: ${list.length} files precached; beyond the first visit ${(extra / 1024).toFixed(1)} KB gzipped (${names.join(', ')})`);
  // The Python library's files, cached after the app (each also fetched when a program first
  // imports it; never part of a first visit).
  const library = [...(swText.match(/const LIBRARY = \[(.*)\];/)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => new URL(m[1], url).href);
  let libraryGz = 0;
  let libraryRaw = 0;
  for (const file of library) {
    const body = Buffer.from(await (await fetch(file)).arrayBuffer());
    libraryRaw += body.length;
    libraryGz += gzipSync(body, { level: 9 }).length;
  }
  console.log(`offline copy of the Python library: ${library.length} modules, ${(libraryRaw / 1024).toFixed(1)} KB, ${(libraryGz / 1024).toFixed(1)} KB gzipped`);
}

// The single file for a USB stick (`cargo xtask dist --single-file`): the whole site, library
// and twins included, in one page that runs from file://.
{
  const body = Buffer.from(await (await fetch(new URL('awaitlab.html', url))).arrayBuffer());
  if (body.length < 1000) {
    console.log('single file: dist/awaitlab.html is missing (cargo xtask dist --single-file)');
  } else {
    console.log(`single file dist/awaitlab.html: ${(body.length / 1024).toFixed(0)} KB (${(gzipSync(body, { level: 9 }).length / 1024).toFixed(0)} KB gzipped, as a download)`);
  }
}

// What opening a demo's Rust twin adds: its own module, loaded on demand.
{
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  const twin = new Map();
  p.on('response', async (r) => {
    if (/\/twins-[0-9a-f]+\//.test(r.url()) && r.status() === 200) twin.set(r.url(), await r.body());
  });
  await p.goto(url);
  await p.getByTestId('gallery').locator('summary').click();
  await p.locator('button[data-demo="03-lazy-coroutine-eager-task"]').click();
  await p.getByTestId('rust-twin').locator('summary').click();
  await p.locator('[data-testid="rust-source"]').waitFor();
  const bodies = [...twin.values()];
  const gz = bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  console.log(`opening a Rust twin loads its module: ${bodies.length} files, ${(gz / 1024).toFixed(1)} KB gzipped (not part of a first visit)`);
  await ctx.close();
}

// Load and first output: fresh contexts (cold cache, no service worker yet). "Usable" is
// marked in the page itself: the first frame painted with the editor and an enabled Run
// button. What Playwright sees later adds its own polling and round trips (printed beside it).
const usableMark = () => {
  const ready = () => document.querySelector('[data-testid="editor"]:not([disabled])') && document.querySelector('[data-testid="run"]:not([disabled])');
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__awaitlabUsable = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
};
const loads = [];
const seen = [];
const firsts = [];
for (let i = 0; i < RUNS; i++) {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.addInitScript(usableMark);
  await p.goto(url);
  await p.waitForSelector('[data-testid="editor"]:not([disabled])');
  await p.waitForSelector('[data-testid="run"]:not([disabled])');
  seen.push(await p.evaluate(() => performance.now()));
  loads.push(await p.waitForFunction(() => window.__awaitlabUsable).then((h) => h.jsonValue()));
  await p.getByTestId('editor').fill('for i in range(3):\n    print("hello", i)\n');
  firsts.push(await p.evaluate(() => new Promise((resolve) => {
    const consoleEl = document.querySelector('[data-testid="console"]');
    const start = performance.now();
    new MutationObserver(() => {
      if (consoleEl.textContent.length > 0) resolve(performance.now() - start);
    }).observe(consoleEl, { childList: true, subtree: true, characterData: true });
    document.querySelector('[data-testid="run"]').click();
  })));
  await ctx.close();
}
const load = median(loads);
const first = median(firsts);
console.log(`navigation to a usable editor: ${load.toFixed(0)} ms median of ${RUNS} (target 500 ms): ${load <= 500 ? 'within target' : 'OVER TARGET'}`);
console.log(`  (the same pages as Playwright saw them, after its polling and round trips: ${median(seen).toFixed(0)} ms median)`);
console.log(`Run click to first output: ${first.toFixed(1)} ms median of ${RUNS} (target 50 ms): ${first <= 50 ? 'within target' : 'OVER TARGET'}`);

await slowNetwork();

// The timeline: draw time (from the finished run's model build to the second frame after the
// drawing) and frame rate while zooming and panning with the wheel.
async function timelineBench(tasks) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await ctx.newPage();
  await p.goto(url);
  await p.locator('main[data-ready="true"]').waitFor();
  await p.getByTestId('editor').fill(`import asyncio\nasync def job(i):\n    await asyncio.sleep(0.001 * (i % 97))\n    await asyncio.sleep(0.002)\n    return i\nasync def main():\n    print(sum(await asyncio.gather(*(job(i) for i in range(${tasks})))))\nasyncio.run(main())\n`);
  await p.getByTestId('run').click();
  await p.waitForSelector('[data-testid="run-state"][data-state="done"]', { timeout: 120000 });
  await p.waitForFunction(() => performance.getEntriesByName('timeline-render').length > 0);
  const draw = await p.evaluate(() => performance.getEntriesByName('timeline-render').at(-1).duration);
  await p.locator('[data-testid="timeline-frame"]').scrollIntoViewIfNeeded();
  const fps = await p.evaluate(() => new Promise((resolve) => {
    const frame = document.querySelector('[data-testid="timeline-frame"]');
    const r = frame.getBoundingClientRect();
    const stamps = [];
    let i = 0;
    const tick = (t) => {
      stamps.push(t);
      // Zoom in and out at a point, then pan: one wheel event per frame.
      const zoom = i % 20 < 10;
      frame.dispatchEvent(new WheelEvent('wheel', {
        bubbles: true, cancelable: true, clientX: r.left + r.width * 0.6, clientY: r.top + 80,
        ctrlKey: zoom, shiftKey: !zoom, deltaY: zoom ? (i % 20 < 5 ? -120 : 120) : (i % 2 ? 80 : -80),
      }));
      i += 1;
      if (i < 120) requestAnimationFrame(tick); else resolve((stamps.length - 1) / ((stamps.at(-1) - stamps[0]) / 1000));
    };
    requestAnimationFrame(tick);
  }));
  const kind = await p.getByTestId('canvas-lanes').count() ? 'canvas' : 'SVG';
  await ctx.close();
  return { draw, fps, kind };
}
// 119 tasks and main are the most lanes drawn as SVG (past it: canvas): where SVG must still hold.
for (const [tasks, drawTarget, fpsTarget] of [[100, 200, 60], [119, 200, 60], [10000, 200, 30]]) {
  const { draw, fps, kind } = await timelineBench(tasks);
  console.log(`timeline of ${tasks} tasks (${kind}): drawn in ${draw.toFixed(0)} ms (target ${drawTarget} ms): ${draw <= drawTarget ? 'within target' : 'OVER TARGET'}; zoom and pan at ${fps.toFixed(0)} frames/s (target ${fpsTarget}): ${fps >= fpsTarget * 0.95 ? 'within target' : 'UNDER TARGET'}`);
}
await throughput();
await browser.close();
