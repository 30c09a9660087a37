// The page a person meets (issue 18): at 1280×800 everything that matters is in view at once;
// on a 390 px phone nothing scrolls sideways; projector mode is remembered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ready, finished } from './helpers.mjs';
import { URL } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Whether the element's box lies inside the viewport (at least its first 40 px of height).
function inView(page, selector) {
  return page.evaluate((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.right <= innerWidth && Math.min(r.bottom, r.top + 40) <= innerHeight;
  }, selector);
}

test('at 1280×800 the editor, Run, the output and the first lanes are in view, before and after a run', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(URL);
  await ready(page);
  for (const s of ['[data-testid="editor"]', '[data-testid="run"]', '[data-testid="console"]', '[data-testid="timeline"]']) assert.ok(await inView(page, s), `before: ${s}`);
  await page.getByTestId('run').click();
  assert.equal((await finished(page)).state, 'done');
  for (const s of ['[data-testid="editor"]', '[data-testid="run"]', '[data-testid="console"]', '[data-testid="lane-head"]']) assert.ok(await inView(page, s), `after: ${s}`);
  // Opening demo 3 folds the gallery and brings its explanation into view.
  await page.getByTestId('gallery').locator('summary').click();
  await page.locator('button[data-demo="03-lazy-coroutine-eager-task"]').click();
  assert.equal(await page.getByTestId('gallery').evaluate((d) => d.open), false);
  await page.waitForFunction(() => { const r = document.querySelector('[data-testid="demo-info"]').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight - 80; });
  await context.close();
});

test('at 390 px nothing scrolls sideways (a long demo run included), and touch targets are at least 32 px', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(URL);
  await ready(page);
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(await width() <= 390, `start: ${await width()}`);
  await page.getByTestId('gallery').locator('summary').click();
  await page.locator('button[data-demo="07-hundred-videos"]').click();
  await page.getByTestId('run').click();
  assert.equal((await finished(page)).state, 'done');
  assert.ok(await width() <= 390, `after demo 7: ${await width()}`);
  const small = await page.evaluate(() => [...document.querySelectorAll('.toolbar button, .program-bar button, .timeline-head button, .zoom-controls button')]
    .filter((b) => b.getBoundingClientRect().height < 32).map((b) => b.textContent));
  assert.deepEqual(small, []);
  await context.close();
});

test('projector mode is remembered across reloads', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(URL);
  await ready(page);
  await page.getByTestId('projector').click();
  await page.reload();
  await ready(page);
  assert.equal(await page.getByTestId('projector').getAttribute('aria-pressed'), 'true');
  assert.match(await page.locator('main').getAttribute('class'), /presentation/);
  await context.close();
});

test('the guide for teachers is a page: UTF-8 HTML with a heading, linked from the app', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(URL);
  await ready(page);
  const href = await page.locator('a.guide-link').getAttribute('href');
  const guide = await context.newPage();
  const response = await guide.goto(new globalThis.URL(href, URL).href);
  assert.equal(response.headers()['content-type'], 'text/html; charset=utf-8');
  assert.equal(await guide.locator('h1').textContent(), 'Awaitlab for teachers');
  assert.match(await guide.locator('body').textContent(), /← Back to Awaitlab/, 'no mojibake');
  assert.equal(await guide.locator('h2').first().textContent(), 'In front of a class');
  await context.close();
});
