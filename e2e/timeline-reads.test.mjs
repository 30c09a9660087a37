// The timeline tells its story (issue 18): lanes that tell tasks apart, a lane per semaphore or
// lock named as the program named it, the program's callbacks by name, labels that never
// overlap, every 429 visible, exports that hold the whole drawing in the page's theme, and
// type that grows in projector mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, finished, runProgram } from './helpers.mjs';

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

test('a semaphore\'s lane carries the name the program gave it', async () => {
  const { page } = await openPage(browser);
  const { state } = await runProgram(page, 'import asyncio\nasync def use(limiter):\n    async with limiter:\n        await asyncio.sleep(0.1)\nasync def main():\n    api_lock = asyncio.BoundedSemaphore(2)\n    await asyncio.gather(*(use(api_lock) for _ in range(4)))\nasyncio.run(main())\n');
  assert.equal(state, 'done');
  const titles = await page.$$eval('[data-testid="timeline"] [data-testid="resource-title"]', (ts) => ts.map((t) => t.childNodes[0].textContent));
  assert.deepEqual(titles, ['api_lock: BoundedSemaphore(2)']);
  await page.close();
});

test('demo 7 exports whole: the SVG has every task lane (the page draws them on a canvas), the waterfall, and the dark theme', async () => {
  const context = await browser.newContext({ colorScheme: 'dark', acceptDownloads: true });
  const { page } = await openPage(context);
  await runDemo(page, '07-hundred-videos');
  const tasks = Number((await page.getByTestId('timeline-summary').first().textContent()).match(/^(\d+) tasks/)[1]);
  assert.ok(tasks > 120, `${tasks} tasks: more than the page draws in SVG`);
  assert.equal(await page.locator('[data-testid="timeline"] [data-testid="canvas-lanes"]').count(), 1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  const svg = readFileSync(await download.path(), 'utf8');
  assert.equal((svg.match(/data-testid="lane"/g) ?? []).length, tasks, 'one lane per task');
  assert.ok(svg.includes('data-testid="requests-lane"') && svg.includes('data-testid="in-flight-lane"'), 'the waterfall and the in-flight chart');
  assert.ok(!svg.includes('var(--'), 'colours resolved for editors that know no custom properties');
  // The page's dark panel behind the drawing, and light text on it.
  const panel = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--panel').trim());
  const text = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--text').trim());
  assert.ok(svg.includes(`fill="${panel}"`), `background ${panel}`);
  assert.ok(svg.includes(`.lane-title{fill:${text};`), `text ${text}`);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  const bytes = readFileSync(await png.path());
  assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  // PNG's size from its header: the whole drawing, twice over (or as much as a canvas holds).
  const height = bytes.readUInt32BE(20);
  assert.ok(height > tasks * 26, `${height} px high for ${tasks} lanes`);
  await context.close();
});

test('projector mode scales the timeline\'s type too', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page } = await openPage(context);
  await runProgram(page, 'import asyncio\nasync def main():\n    await asyncio.sleep(0.1)\nasyncio.run(main())\n');
  const titleHeight = () => page.locator('[data-testid="timeline"] .lane-title').first().evaluate((t) => t.getBoundingClientRect().height);
  const tickHeight = () => page.locator('[data-testid="timeline"] .tick-label').first().evaluate((t) => t.getBoundingClientRect().height);
  const [title, tick] = [await titleHeight(), await tickHeight()];
  assert.ok(title >= 12, `lane titles drawn at ${title} px`);
  await page.getByTestId('projector').click();
  await page.waitForFunction((h) => document.querySelector('[data-testid="timeline"] .lane-title').getBoundingClientRect().height > h * 1.3, title);
  assert.ok((await tickHeight()) > tick * 1.3, 'the axis grows too');
  // The drawing still fits its frame: nothing scrolls sideways.
  const fits = await page.getByTestId('timeline-frame').first().evaluate((f) => f.scrollWidth <= f.clientWidth + 1);
  assert.ok(fits);
  await context.close();
});

test('axis labels never collide and stay inside the drawing, in projector mode too; the blocked labels have a row of their own', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page } = await openPage(context);
  for (const projector of [false, true]) {
    if (projector) await page.getByTestId('projector').click();
    await runDemo(page, '07-hundred-videos');
    // The charts' SVG (the lanes are on a canvas here) and its axis.
    const labels = await page.$$eval('[data-testid="timeline"] .timeline-svg', (svgs) => svgs.flatMap((svg) => {
      const frame = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('.tick-label, .blocked-label')].filter((t) => t.getAttribute('visibility') !== 'hidden').map((t) => {
        const b = t.getBoundingClientRect();
        return { cls: t.getAttribute('class'), text: t.textContent, x: b.x, y: b.y, width: b.width, height: b.height, inside: b.left >= frame.left - 0.5 && b.right <= frame.right + 0.5 };
      });
    }));
    assert.ok(labels.filter((l) => l.cls === 'tick-label').length >= 3, JSON.stringify(labels));
    for (const l of labels) assert.ok(l.inside, `${l.text} leaves the drawing (projector ${projector})`);
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
      assert.ok(!boxesIntersect(labels[i], labels[j]), `"${labels[i].text}" and "${labels[j].text}" collide (projector ${projector})`);
    }
  }
  await context.close();
});

test('on a phone the lanes stay beside their names: the drawing fits its frame', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const { page } = await openPage(context);
  await runDemo(page, '02-sequential-vs-gather');
  const frame = page.locator('[data-testid="timeline"] > [data-testid="timeline-frame"]');
  assert.ok(await frame.evaluate((f) => f.scrollWidth <= f.clientWidth + 1), 'nothing to scroll sideways');
  // Titles cut to the narrow column still tell the four tasks apart.
  const titles = await page.$$eval('[data-testid="timeline"] .lane-title', (ts) => ts.map((t) => t.childNodes[0].textContent));
  const videos = titles.filter((t) => t.startsWith('get'));
  assert.equal(new Set(videos).size, 4, titles.join(' | '));
  const size = await page.locator('[data-testid="timeline"] .lane-title').first().evaluate((t) => t.getBoundingClientRect().height);
  assert.ok(size >= 12, `titles drawn at ${size} px`);
  await context.close();
});
