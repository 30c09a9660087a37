// The page a person meets (issue 18): at 1280×800 everything that matters is in view at once;
// on a 390 px phone nothing scrolls sideways and a pinch zooms the timeline; the editor's width
// and projector mode are remembered.
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

test('on a phone two fingers pinch the timeline to zoom, around the point between them', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(URL);
  await ready(page);
  await page.getByTestId('editor').fill('import asyncio\nasync def main():\n    await asyncio.sleep(4)\nasyncio.run(main())\n');
  await page.getByTestId('run').click();
  assert.equal((await finished(page)).state, 'done');
  const frame = page.locator('[data-testid="timeline"] > [data-testid="timeline-frame"]');
  await frame.scrollIntoViewIfNeeded();
  const box = await frame.boundingBox();
  const plotBox = () => page.$eval('[data-testid="timeline"] svg.plot', (p) => p.getAttribute('viewBox').split(' ').map(Number));
  assert.deepEqual((await plotBox()).slice(0, 3), [0, 0, 4000]);
  const cdp = await context.newCDPSession(page);
  const y = box.y + 40;
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, yy], id) => ({ x, y: yy, id })) });
  const mid = box.x + box.width * 0.7;
  await touch('touchStart', [[mid - 20, y], [mid + 20, y]]);
  for (let step = 1; step <= 5; step++) await touch('touchMove', [[mid - 20 - 16 * step, y], [mid + 20 + 16 * step, y]]);
  await touch('touchEnd', []);
  const [start, , span] = await plotBox();
  // Fingers 40 px apart spread to 200: a fifth of the span, around the time between them.
  assert.ok(Math.abs(span - 800) < 40, `zoomed to ${span} ms`);
  assert.ok(start > 0, `around the fingers, not the start: ${start}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'the page itself did not zoom or widen');
  await context.close();
});

test('the handle between the editor and the run shares the width, by drag or arrow keys, and is remembered', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(URL);
  await ready(page);
  const editorWidth = () => page.locator('.editor-pane').evaluate((e) => e.getBoundingClientRect().width);
  const before = await editorWidth();
  const handle = await page.getByTestId('splitter').boundingBox();
  await page.mouse.move(handle.x + handle.width / 2, handle.y + 100);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 + 200, handle.y + 100, { steps: 5 });
  await page.mouse.up();
  const dragged = await editorWidth();
  assert.ok(Math.abs(dragged - before - 200) < 12, `dragged 200 px: ${before} → ${dragged}`);
  await page.getByTestId('splitter').focus();
  await page.keyboard.press('ArrowLeft');
  assert.ok(await editorWidth() < dragged - 10, 'an arrow key moves it');
  const kept = await editorWidth();
  await page.reload();
  await ready(page);
  assert.ok(Math.abs(await editorWidth() - kept) < 2, 'remembered');
  // The timeline is laid out again for its new width: it still fits its frame.
  await page.getByTestId('run').click();
  assert.equal((await finished(page)).state, 'done');
  const fits = await page.getByTestId('timeline-frame').first().evaluate((f) => f.scrollWidth <= f.clientWidth + 1);
  assert.ok(fits);
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
