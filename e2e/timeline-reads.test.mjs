// The timeline tells its story (issue 18): lanes that tell tasks apart, a lane per semaphore or
// lock, the program's callbacks by name, labels that never overlap, every 429 visible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, finished } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function runDemo(page, id) {
  await page.getByTestId('gallery').locator('summary').click();
  await page.locator(`button[data-demo="${id}"]`).click();
  await page.getByTestId('run').click();
  return finished(page);
}

const boxesIntersect = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('demo 2: the four gathered lanes have four different visible labels', async () => {
  const { page } = await openPage(browser);
  await runDemo(page, '02-sequential-vs-gather');
  const titles = await page.$$eval('[data-testid="timeline"] .lane-title', (ts) => ts.map((t) => t.childNodes[0].textContent));
  const videos = titles.filter((t) => t.startsWith('get_video'));
  assert.equal(videos.length, 4, titles.join(' | '));
  assert.equal(new Set(videos).size, 4, videos.join(' | '));
  await page.close();
});

test('demo 8: a lane for the BoundedSemaphore(2) and one for the Lock, neither over its limit; the timers have lanes', async () => {
  const { page } = await openPage(browser);
  assert.equal((await runDemo(page, '08-kittens-rate-limit')).state, 'done');
  const kinds = await page.$$eval('[data-testid="timeline"] [data-testid="resource-lane"]', (ls) => ls.map((l) => l.dataset.kind));
  assert.deepEqual(kinds.filter((k) => k !== 'connections'), ['BoundedSemaphore', 'Lock']);
  assert.equal(await page.locator('[data-testid="timeline"] .lane-name.over').count(), 0, 'no "over the limit" mark');
  const titles = await page.$$eval('[data-testid="timeline"] [data-testid="lane"]', (ls) => ls.map((l) => l.dataset.title));
  assert.ok(titles.filter((t) => t.startsWith('sleep(0.5')).length >= 6, titles.join(' | '));
  await page.close();
});

test('demo 10: the program\'s callbacks are on the loop\'s lane, by name', async () => {
  const { page } = await openPage(browser);
  await runDemo(page, '10-callbacks-run-forever');
  const names = await page.$$eval('[data-testid="timeline"] [data-testid="callback"]', (cs) => cs.map((c) => c.dataset.name));
  assert.deepEqual(names, ["hello('soon')", "hello('later')", 'shutdown(…)']);
  const labels = await page.$$eval('[data-testid="timeline"] text.callback-label', (ts) => ts.filter((t) => t.getAttribute('visibility') === 'visible').map((t) => t.textContent));
  assert.ok(labels.includes("hello('soon')") && labels.includes("hello('later')"), labels.join(' | '));
  await page.close();
});

test('demo 7: the blocked labels never overlap', async () => {
  const { page } = await openPage(browser);
  await runDemo(page, '07-hundred-videos');
  const boxes = await page.$$eval('[data-testid="timeline"] text.blocked-label', (ts) => ts.filter((t) => t.getAttribute('visibility') === 'visible').map((t) => { const b = t.getBBox(); return { x: b.x, y: b.y, width: b.width, height: b.height }; }));
  assert.ok(boxes.length >= 1);
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) assert.ok(!boxesIntersect(boxes[i], boxes[j]), `labels ${i} and ${j} overlap`);
  await page.close();
});

test('demo 9: every 429 has a mark at its answer, wider than a hairline', async () => {
  const { page } = await openPage(browser);
  await runDemo(page, '09-timed-semaphore');
  const marks = page.locator('[data-testid="timeline"] [data-testid="request-mark"]');
  assert.equal(await marks.count(), 5);
  // A stroke that does not scale with the zoom: 3 screen pixels however far out.
  const style = await marks.first().evaluate((m) => { const c = getComputedStyle(m); return [c.strokeWidth, c.vectorEffect, c.stroke]; });
  assert.deepEqual(style.slice(0, 2), ['3px', 'non-scaling-stroke']);
  assert.notEqual(style[2], 'none');
  await page.close();
});
