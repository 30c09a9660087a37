// The timeline drawn for known programs: lanes, segments and their labels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, runProgram, editorSelection } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function lanes(page) {
  return page.$$eval('[data-testid="timeline"] [data-testid="lane"]', (gs) => gs.map((g) => ({
    title: g.dataset.title,
    outcome: g.dataset.outcome,
    waits: [...g.querySelectorAll('rect[data-kind="waiting"]')].map((r) => [r.dataset.label, +(+r.dataset.start).toFixed(2), +(+r.dataset.end).toFixed(2)]),
  })));
}

const MEOW = `import asyncio
async def meow(n):
    await asyncio.sleep(n)
    return n
`;

test('sequential awaits: one lane waiting twice; gather: a lane per coroutine', async () => {
  const { page, errors } = await openPage(browser);
  await runProgram(page, MEOW + 'async def main():\n    await meow(1)\n    await meow(2)\nasyncio.run(main())\n');
  assert.deepEqual(await lanes(page), [
    { title: 'main()', outcome: 'done', waits: [['sleep 1 s', 0, 1], ['sleep 2 s', 1, 3]] },
  ]);
  assert.match(await page.getByTestId('timeline-summary').textContent(), /1 task · 3 s of program time/);
  await runProgram(page, MEOW + 'async def main():\n    await asyncio.gather(meow(1), meow(2))\nasyncio.run(main())\n');
  assert.deepEqual(await lanes(page), [
    { title: 'main()', outcome: 'done', waits: [['gather of 2', 0, 2]] },
    { title: 'meow(1)', outcome: 'done', waits: [['sleep 1 s', 0, 1]] },
    { title: 'meow(2)', outcome: 'done', waits: [['sleep 2 s', 0, 2]] },
  ]);
  assert.match(await page.getByTestId('timeline-summary').textContent(), /3 tasks · 2 s of program time/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a semaphore: waits labelled Semaphore(2) and a permits lane', async () => {
  const { page } = await openPage(browser);
  await runProgram(page, 'import asyncio\nasync def job(sem, i):\n    async with sem:\n        await asyncio.sleep(1)\nasync def main():\n    sem = asyncio.Semaphore(2)\n    await asyncio.gather(*(job(sem, i) for i in range(4)))\nasyncio.run(main())\n');
  const all = await lanes(page);
  assert.equal(all.length, 5);
  assert.deepEqual(all[3].waits, [['Semaphore(2)', 0, 1], ['sleep 1 s', 1, 2]]);
  assert.equal(await page.locator('[data-testid="resource-lane"][data-kind="Semaphore"]').count(), 1);
  await page.close();
});

test('a blocking call shades the loop and delays the other task', async () => {
  const { page } = await openPage(browser);
  await runProgram(page, 'import asyncio, time\nasync def tick():\n    await asyncio.sleep(0.1)\n    print("tick")\nasync def block():\n    time.sleep(1)\nasync def main():\n    await asyncio.gather(tick(), block())\nasyncio.run(main())\n');
  const blocked = page.locator('[data-testid="timeline"] [data-testid="blocked"]');
  assert.equal(await blocked.count(), 1);
  assert.match(await blocked.locator('title').textContent(), /loop blocked: time\.sleep\(1\)/);
  const all = await lanes(page);
  // tick's 0.1 s sleep could only end when the loop was free again, at 1 s.
  assert.deepEqual(all[1].waits, [['sleep 0.1 s', 0, 1]]);
  assert.match(await page.getByTestId('timeline-summary').textContent(), /loop blocked 1 s in all/);
  await page.close();
});

test('a rate-limited fetch burst: 429s in the waterfall and at most N in flight', async () => {
  const { page } = await openPage(browser);
  await page.getByTestId('api-panel').locator('summary').click();
  const rate = page.getByTestId('api-panel').getByLabel('Rate limit');
  await rate.fill('5');
  await rate.dispatchEvent('change');
  await runProgram(page, 'import asyncio, aiohttp\nasync def get(s, i):\n    async with s.get(f"/api/videos/river?i={i}") as r:\n        return r.status\nasync def main():\n    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=8)) as s:\n        print(sorted(await asyncio.gather(*(get(s, i) for i in range(12)))))\nasyncio.run(main())\n');
  assert.equal(await page.getByTestId('console').textContent(), '[200, 200, 200, 200, 200, 429, 429, 429, 429, 429, 429, 429]\n');
  const statuses = await page.$$eval('[data-testid="request"]', (gs) => gs.map((g) => g.dataset.status));
  assert.equal(statuses.length, 12);
  assert.equal(statuses.filter((s) => s === '429').length, 7);
  assert.match(await page.getByTestId('timeline-summary').textContent(), /12 requests, at most 8 in flight/);
  await page.close();
});

test('the exported trace is Chrome Trace Event JSON with one track per task; the SVG exports too', async () => {
  const { page } = await openPage(browser);
  await runProgram(page, MEOW + 'async def main():\n    await asyncio.gather(meow(1), meow(2), meow(3))\nasyncio.run(main())\n');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const { readFileSync } = await import('node:fs');
  const trace = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const tracks = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.tid > 0).map((e) => e.args.name);
  assert.deepEqual(tracks.map((n) => n.replace(/^Task-\d+ /, '')), ['(main)', '(meow)', '(meow)', '(meow)']);
  assert.ok(trace.traceEvents.some((e) => e.cat === 'wait' && e.name === 'await sleep 3 s'));
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  const svg = readFileSync(await svgDownload.path(), 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal((svg.match(/data-testid="lane"/g) ?? []).length, 4);
  await page.close();
});

test('compare: a pinned run stays below the next one, on the same time scale', async () => {
  const { page } = await openPage(browser);
  await runProgram(page, MEOW + 'async def main():\n    await meow(1)\n    await meow(2)\nasyncio.run(main())\n');
  await page.getByTestId('pin').click();
  await runProgram(page, MEOW + 'async def main():\n    await asyncio.gather(meow(1), meow(2))\nasyncio.run(main())\n');
  const current = page.locator('[data-testid="timeline"] > svg [data-testid="lane"]');
  const pinned = page.locator('[data-testid="pinned-timeline"] [data-testid="lane"]');
  assert.equal(await current.count(), 3);
  assert.equal(await pinned.count(), 1);
  // Same scale: the 3 s axis of the pinned run is also the current one's.
  const lastTick = (sel) => page.$$eval(`${sel} .tick-label`, (ts) => ts.at(-1).textContent);
  assert.equal(await lastTick('[data-testid="timeline"] > svg'), await lastTick('[data-testid="pinned-timeline"] svg'));
  assert.match(await page.locator('[data-testid="pinned-timeline"] [data-testid="timeline-summary"]').textContent(), /3 s of program time/);
  await page.getByTestId('unpin').click();
  assert.equal(await page.getByTestId('pinned-timeline').count(), 0);
  await page.close();
});

test('clicking a waiting segment shows its await in the editor', async () => {
  const { page } = await openPage(browser);
  await runProgram(page, MEOW + 'async def main():\n    await asyncio.gather(meow(1), meow(2))\nasyncio.run(main())\n');
  await page.locator('[data-testid="timeline"] rect[data-kind="waiting"][data-label="sleep 2 s"]').click();
  const selected = await editorSelection(page);
  assert.equal(selected, '    await asyncio.sleep(n)');
  await page.close();
});

test('replay: the cursor shows the output and the timeline up to a moment', async () => {
  const { page } = await openPage(browser);
  await runProgram(page, 'import asyncio\nasync def main():\n    print("at 0")\n    await asyncio.sleep(1)\n    print("at 1")\n    await asyncio.sleep(1)\n    print("at 2")\nasyncio.run(main())\n');
  assert.equal(await page.getByTestId('console').textContent(), 'at 0\nat 1\nat 2\n');
  const scrubber = page.getByTestId('scrubber');
  await scrubber.fill('1.5');
  assert.equal(await page.getByTestId('console').textContent(), 'at 0\nat 1\n');
  assert.equal(await page.getByTestId('cursor-time').textContent(), '1.5 s of 2 s');
  assert.equal(await page.locator('[data-testid="timeline"] line[data-testid="cursor"]').getAttribute('visibility'), 'visible');
  // Arrow keys step between events.
  await scrubber.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByTestId('cursor-time').textContent(), '2 s of 2 s');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getByTestId('console').textContent(), 'at 0\n');
  await page.getByTestId('show-all').click();
  assert.equal(await page.getByTestId('console').textContent(), 'at 0\nat 1\nat 2\n');
  // Replay plays the run again at the chosen speed and ends with everything shown.
  await page.getByTestId('play').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="cursor-time"]').textContent === '2 s of 2 s', null, { timeout: 10000 });
  assert.equal(await page.getByTestId('console').textContent(), 'at 0\nat 1\nat 2\n');
  await page.close();
});
