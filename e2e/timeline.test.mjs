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
  // The sliding window of the API's limit (5 per 1 s): 12 sent at once, over the line.
  const rateLane = page.getByTestId('rate-window-lane');
  assert.deepEqual(await rateLane.evaluate((g) => [g.dataset.peak, g.dataset.limit, g.dataset.held]), ['12', '5', 'false']);
  assert.ok(await rateLane.locator('[data-testid="violation"]').count() >= 1);
  // Paced at 4 per second the window holds.
  await runProgram(page, 'import asyncio, aiohttp\nasync def main():\n    async with aiohttp.ClientSession() as s:\n        for i in range(10):\n            async with s.get(f"/api/videos/river?i={i}") as r:\n                print(r.status, end=" ")\n            await asyncio.sleep(0.25)\nasyncio.run(main())\n');
  assert.doesNotMatch(await page.getByTestId('console').textContent(), /429/);
  const [peak, held] = await rateLane.evaluate((g) => [Number(g.dataset.peak), g.dataset.held]);
  assert.ok(peak >= 2 && peak <= 5 && held === 'true', `${peak} ${held}`);
  assert.equal(await rateLane.locator('[data-testid="violation"]').count(), 0);
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
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  assert.equal(pngDownload.suggestedFilename(), 'awaitlab-timeline.png');
  const png = readFileSync(await pngDownload.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.ok(png.length > 5000, `a picture, not an empty canvas (${png.length} bytes)`);
  await page.close();
});

test("while the next run runs, the head's buttons (pin, exports) are off: they would act on the last run", async () => {
  const { page } = await openPage(browser);
  await runProgram(page, MEOW + 'asyncio.run(meow(0.1))\n');
  const head = ['pin', 'export-json', 'export-svg', 'export-png'];
  for (const id of head) assert.equal(await page.getByTestId(id).isEnabled(), true, id);
  await page.getByTestId('editor').fill(MEOW + 'asyncio.run(meow(30))\n');
  await page.getByTestId('real-time').setChecked(true);
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid="run-state"][data-state="running"]');
  for (const id of head) assert.equal(await page.getByTestId(id).isDisabled(), true, `${id} during the run`);
  await page.getByTestId('stop').click();
  await page.waitForSelector('[data-testid="run-state"][data-state="stopped"]');
  for (const id of head) assert.equal(await page.getByTestId(id).isEnabled(), true, `${id} after it`);
  await page.close();
});

test('compare: a pinned run stays below the next one, on the same time scale', async () => {
  const { page } = await openPage(browser);
  await runProgram(page, MEOW + 'async def main():\n    await meow(1)\n    await meow(2)\nasyncio.run(main())\n');
  await page.getByTestId('pin').click();
  await runProgram(page, MEOW + 'async def main():\n    await asyncio.gather(meow(1), meow(2))\nasyncio.run(main())\n');
  const current = page.locator('[data-testid="timeline"] > [data-testid="timeline-frame"] [data-testid="lane"]');
  const pinned = page.locator('[data-testid="pinned-timeline"] [data-testid="lane"]');
  assert.equal(await current.count(), 3);
  assert.equal(await pinned.count(), 1);
  // Same scale: the 3 s axis of the pinned run is also the current one's.
  const lastTick = (sel) => page.$$eval(`${sel} .tick-label`, (ts) => ts.at(-1).textContent);
  assert.equal(await lastTick('[data-testid="timeline"] > [data-testid="timeline-frame"]'), await lastTick('[data-testid="pinned-timeline"]'));
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

const plotBox = (page, scope = '[data-testid="timeline"] > [data-testid="timeline-frame"]') =>
  page.locator(`${scope} svg.plot`).first().getAttribute('viewBox');

test('zoom and pan: buttons, Ctrl+wheel at the pointer, drag, keys; the pinned run follows', async () => {
  const { page, errors } = await openPage(browser);
  await runProgram(page, MEOW + 'async def main():\n    await meow(1)\n    await meow(3)\nasyncio.run(main())\n');
  await page.getByTestId('pin').click();
  await runProgram(page, MEOW + 'async def main():\n    await asyncio.gather(meow(1), meow(3))\nasyncio.run(main())\n');
  assert.equal(await plotBox(page), '0 0 4000 ' + (await plotBox(page)).split(' ')[3], 'the whole 4 s of both runs');
  await page.getByTestId('zoom-in').click();
  const zoomed = (await plotBox(page)).split(' ').map(Number);
  assert.ok(Math.abs(zoomed[2] - 4000 / 1.5) < 1, `one step in: ${zoomed}`);
  assert.ok(Math.abs(zoomed[0] + zoomed[2] / 2 - 2000) < 1, 'around the middle');
  const timeRange = (b) => b.split(' ').slice(0, 3).join(' ');
  assert.equal(timeRange(await plotBox(page, '[data-testid="pinned-timeline"]')), timeRange(await plotBox(page)), 'the compared run shares the window');
  assert.notEqual(await page.getByTestId('zoom-window').textContent(), '');
  // Ctrl+wheel zooms in at the pointer: the time under it stays there.
  const frame = page.locator('[data-testid="timeline"] > [data-testid="timeline-frame"]');
  await page.getByTestId('zoom-fit').click();
  await frame.scrollIntoViewIfNeeded();
  const box = await frame.boundingBox();
  // The plot: right of the 190 units of titles, 20 short of the drawing's right edge.
  const plot = await frame.locator('svg.timeline-svg').first().evaluate((svg) => {
    const r = svg.getBoundingClientRect();
    const units = Number(svg.getAttribute('viewBox').split(' ')[2]);
    const scale = r.width / units;
    return { x: r.x + 190 * scale, width: (units - 210) * scale };
  });
  const x = plot.x + plot.width * 0.25;
  await page.mouse.move(x, box.y + 60);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  await page.waitForFunction(() => document.querySelector('[data-testid="timeline-frame"] svg.plot').getAttribute('viewBox').split(' ')[2] < 3000);
  const [start, , span] = (await plotBox(page)).split(' ').map(Number);
  assert.ok(Math.abs(start + 0.25 * span - 1000) < 15, `1 s stays under the pointer: ${start} + ${span}/4`);
  // Dragging right shows earlier times.
  await page.mouse.move(x, box.y + 60);
  await page.mouse.down();
  await page.mouse.move(x + 60, box.y + 60, { steps: 4 });
  await page.mouse.up();
  const dragged = (await plotBox(page)).split(' ').map(Number);
  assert.ok(dragged[0] < start, `panned earlier: ${dragged[0]} < ${start}`);
  // Keys: 0 shows the whole run again; + zooms, arrows pan.
  await frame.focus();
  await page.keyboard.press('0');
  assert.equal((await plotBox(page)).split(' ')[2], '4000');
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowRight');
  const keyed = (await plotBox(page)).split(' ').map(Number);
  assert.ok(keyed[0] > 0 && keyed[2] < 4000, `${keyed}`);
  // Tick labels follow the window.
  const ticks = await page.$$eval('[data-testid="timeline"] > [data-testid="timeline-frame"] .tick-label', (ts) => ts.map((t) => t.textContent));
  assert.ok(!ticks.includes('0'), `the axis starts later: ${ticks}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('in real time a "now" line moves while the program runs', async () => {
  const { page } = await openPage(browser);
  await page.getByTestId('editor').fill('import asyncio\nasync def main():\n    for i in range(4):\n        await asyncio.sleep(0.4)\n        print(i)\nasyncio.run(main())\n');
  await page.getByTestId('real-time').setChecked(true);
  await page.getByTestId('run').click();
  const now = page.locator('[data-testid="timeline"] line[data-testid="now"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="console"]').textContent === '0\n');
  assert.equal(await now.getAttribute('visibility'), 'visible');
  const first = Number(await now.getAttribute('x1'));
  await page.waitForFunction(() => document.querySelector('[data-testid="console"]').textContent === '0\n1\n2\n');
  const later = Number(await now.getAttribute('x1'));
  assert.ok(later > first + 500, `the line moved on in program time (ms): ${first} → ${later}`);
  await page.waitForSelector('[data-testid="run-state"][data-state="done"]');
  assert.equal(await now.getAttribute('visibility'), 'hidden');
  await page.close();
});

test('under the replay cursor each lane says what its task was doing', async () => {
  const { page } = await openPage(browser);
  await runProgram(page, MEOW + 'async def main():\n    await asyncio.sleep(0.5)\n    await asyncio.create_task(meow(1))\nasyncio.run(main())\n');
  const states = () => page.$$eval('[data-testid="timeline"] [data-testid="lane-state"]', (ts) => ts.map((t) => t.textContent));
  await page.getByTestId('scrubber').fill('0.25');
  assert.deepEqual(await states(), ['Task-1 · waiting: sleep 0.5 s', 'Task-2 · not started']);
  await page.getByTestId('scrubber').fill('1');
  assert.deepEqual(await states(), ['Task-1 · waiting: task Task-2', 'Task-2 · waiting: sleep 1 s']);
  await page.getByTestId('show-all').click();
  assert.deepEqual(await states(), ['Task-1 · done', 'Task-2 · done']);
  await page.close();
});

test('a run with more than 120 tasks draws its lanes on a canvas, with hover details', async () => {
  const { page, errors } = await openPage(browser);
  await runProgram(page, MEOW + 'async def main():\n    await asyncio.gather(*(meow(i / 100) for i in range(300)))\nasyncio.run(main())\n');
  const lanes = page.getByTestId('canvas-lanes');
  assert.equal(await lanes.getAttribute('data-lanes'), '301');
  assert.equal(await page.locator('[data-testid="timeline"] [data-testid="lane"]').count(), 0, 'no SVG lanes');
  const canvas = lanes.locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  // Lane 3 is meow(0.02): its sleep spans most of the first 20 ms of 3 s; point at its start.
  // At scale 1 the canvas draws in CSS pixels: the titles take 190 of them.
  await page.mouse.move(box.x + 190 + 2, box.y + 22 + 16 * 3 + 8);
  await page.locator('.canvas-tip').waitFor();
  assert.match(await page.locator('.canvas-tip').textContent(), /^meow\(0\.02\) · /);
  assert.match(await page.getByTestId('timeline-summary').textContent(), /^301 tasks/);
  assert.deepEqual(errors, []);
  await page.close();
});
