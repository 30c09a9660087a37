// The page never freezes and never dies: the engine runs in a worker. Stop ends any program
// within 100 ms (click to `stopped`), the page then runs the next program at once, a program
// that exhausts memory ends `failed` with its output so far, and no main-thread task takes
// more than 50 ms during any of it (Long Tasks API).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, finished } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A page that records its long tasks from the start. */
async function watchedPage() {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__longTasks = [];
    window.__typing = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
    // When each run ended (the state left `running`): the run's window for long tasks. Drawing
    // its timeline afterwards has a budget of its own (200 ms, the page benchmark measures it).
    window.__runEnds = [];
    addEventListener('DOMContentLoaded', () => {
      new MutationObserver(() => {
        const state = document.querySelector('[data-testid="run-state"]');
        if (state && state.dataset.state !== 'running' && window.__wasRunning) window.__runEnds.push(performance.now());
        window.__wasRunning = state && state.dataset.state === 'running';
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
  });
  const { page, errors } = await openPage(context);
  // Loading the page is not a run: its own tasks do not count. Nor does Playwright's script
  // for `waitForFunction`, evaluated in the page's world at its first use (15-30 ms).
  await page.waitForFunction(() => true);
  await page.waitForTimeout(300);
  await page.evaluate(() => { window.__longTasks = []; });
  return { context, page, errors };
}

/** Puts `source` in the editor and starts it. The typing is not the page's work and does not
 * count: Playwright's `fill` types into CodeMirror's contenteditable through Chromium's own
 * editing commands, which try an inline style on each line that the page's policy refuses and
 * reports one by one (one task of 25–50 ms here; CI once failed on a task of 53 ms, likely
 * this one); a learner's typing or paste goes through CodeMirror's input handling instead. The
 * Run click and all after it count. */
async function startProgram(page, source, { realTime = false } = {}) {
  const from = await page.evaluate(() => performance.now());
  await page.getByTestId('editor').fill(source);
  await page.getByTestId('real-time').setChecked(realTime);
  // The typing's tasks have ended (and been reported) before the window closes.
  const to = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 50))));
  await page.evaluate(([from, to]) => window.__typing.push([from, to]), [from, to]);
  await page.getByTestId('run').click();
}

async function runProgram(page, source, options) {
  await startProgram(page, source, options);
  return finished(page);
}

/** The main-thread tasks over 50 ms while a program ran (from the start of the watch to the
 * last run's end, less the typing of programs), and how long drawing the last timeline took. */
async function longTasks(page, run = -1) {
  // A long task is reported after it ends: give the last one a frame to arrive.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  return page.evaluate((run) => {
    const end = window.__runEnds.at(run) ?? Infinity;
    const typing = (t) => window.__typing.some(([from, to]) => t.start >= from && t.start + t.ms <= to);
    return window.__longTasks.filter((t) => t.start < end && !typing(t)).map((t) => t.ms);
  }, run);
}

/** These machines have two cores, shared by the engine's worker at full speed, the browser's
 * own threads and the test runner: now and then a task of the page is descheduled past 50 ms
 * by a neighbour (CI once saw Stop take 185 ms that way). A scenario with a long task or a slow
 * Stop runs once more, and its second run must have neither (a real regression fails both).
 * `scenario` makes its own assertions and returns the long tasks it saw, or
 * `{ long, stopMs }`. */
async function withoutLongTasks(name, scenario) {
  const problems = (seen) => {
    const { long, stopMs } = Array.isArray(seen) ? { long: seen, stopMs: 0 } : seen;
    return [...long.filter((ms) => ms > 50).map((ms) => `a long task of ${ms} ms`), ...(stopMs > 100 ? [`Stop took ${stopMs.toFixed(1)} ms`] : [])];
  };
  const first = problems(await scenario());
  if (first.length === 0) return;
  console.log(`# ${name}: ${first.join(', ')} on the first attempt; once more`);
  const second = problems(await scenario());
  assert.deepEqual(second, [], `${name}: ${first.join(', ')}, then ${second.join(', ')}`);
}

/** The last timeline's drawing time (`timeline-render`, from its model to the second frame). */
async function timelineDraw(page) {
  await page.waitForSelector('[data-testid="timeline"][aria-busy="false"]', { timeout: 60000 });
  await page.waitForFunction(() => performance.getEntriesByName('timeline-render').length > 0, null, { timeout: 10000 });
  return page.evaluate(() => performance.getEntriesByName('timeline-render').at(-1).duration);
}

/** Clicks Stop; resolves with the milliseconds from the click to a state other than running,
 * measured in the page. */
function stopNow(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const state = document.querySelector('[data-testid="run-state"]');
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (state.dataset.state !== 'running') {
        observer.disconnect();
        resolve(performance.now() - start);
      }
    });
    observer.observe(state, { attributes: true });
    document.querySelector('[data-testid="stop"]').click();
  }));
}

const RUNAWAYS = [
  { name: 'while True: pass', source: "print('before')\nwhile True:\n    pass\n", modes: [false, true] },
  { name: 'while True: await asyncio.sleep(0)', source: "import asyncio\nasync def main():\n    print('before')\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n", modes: [false, true] },
  { name: 'while True: s = s + s', source: "print('before')\ns = 'x'\nwhile True:\n    s = s + s\n", modes: [false] },
  // A native runaway: squaring a big integer, one step of the engine that soon takes seconds.
  { name: 'a native runaway (x = x * x on a big int)', source: "print('before')\nx = 3 ** 100_000\nwhile True:\n    x = x * x\n", modes: [false] },
];

for (const { name, source, modes } of RUNAWAYS) {
  for (const realTime of modes) {
    const title = `Stop ends ${name} within 100 ms (${realTime ? 'real time' : 'instant'}), and the next run works`;
    test(title, () => withoutLongTasks(title, async () => {
      const { context, page, errors } = await watchedPage();
      await startProgram(page, source, { realTime });
      await page.waitForFunction(() => document.querySelector('[data-testid="console"]').textContent.includes('before'));
      await page.waitForTimeout(400);
      assert.equal(await page.getByTestId('run-state').getAttribute('data-state'), 'running', 'still running when Stop is pressed');
      const stopMs = await stopNow(page);
      assert.equal(await page.getByTestId('run-state').getAttribute('data-state'), 'stopped');
      assert.match(await page.getByTestId('console').textContent(), /^before\n/);
      assert.match(await page.getByTestId('console').textContent(), /KeyboardInterrupt/);
      const long = await longTasks(page, 0);
      const after = await runProgram(page, 'print(sum(range(10)))');
      assert.equal(after.state, 'done');
      assert.equal(after.output, '45\n');
      assert.deepEqual(errors, []);
      await context.close();
      return { long, stopMs };
    }));
  }
}

test('Stop ends the program as asyncio.run does on KeyboardInterrupt: the main task is cancelled and its finally blocks run', () => withoutLongTasks('KeyboardInterrupt', async () => {
  const { context, page } = await watchedPage();
  await startProgram(page, [
    'import asyncio',
    'async def main():',
    '    try:',
    '        while True:',
    '            await asyncio.sleep(0.01)',
    '    finally:',
    "        print('cleaned up')",
    'asyncio.run(main())',
  ].join('\n'), { realTime: true });
  await page.waitForTimeout(500);
  const stopMs = await stopNow(page);
  const output = await page.getByTestId('console').textContent();
  assert.match(output, /^cleaned up\n/);
  assert.match(output, /KeyboardInterrupt\n$/);
  await context.close();
  return { long: [], stopMs };
}));

test('a program that exhausts memory ends failed, with its earlier output and a MemoryError', () => withoutLongTasks('memory', async () => {
  const { context, page, errors } = await watchedPage();
  const { state, output } = await runProgram(page, "print('before')\nblocks = []\nwhile True:\n    blocks.append('x' * 10_000_000)\n");
  assert.equal(state, 'failed');
  assert.match(output, /^before\n/);
  assert.match(output, /MemoryError/);
  const again = await runProgram(page, "print('alive')");
  assert.equal(again.output, 'alive\n');
  const long = await longTasks(page);
  assert.deepEqual(errors, []);
  await context.close();
  return long;
}));

test('a million sleep(0)s complete, and the page keeps every task under 50 ms', () => withoutLongTasks('a million sleeps', async () => {
  const { context, page } = await watchedPage();
  const { state, output } = await runProgram(page, 'import asyncio\nasync def main():\n    for i in range(1_000_000):\n        await asyncio.sleep(0)\n    print(i)\nasyncio.run(main())\n');
  assert.equal(state, 'done');
  assert.equal(output, '999999\n');
  await page.waitForSelector('[data-testid="timeline"][aria-busy="false"]', { timeout: 60000 });
  assert.match(await page.getByTestId('timeline-summary').textContent(), /summarised from/);
  const long = await longTasks(page);
  const draw = await timelineDraw(page);
  assert.ok(draw <= 200, `the timeline drew in ${draw.toFixed(0)} ms`);
  await context.close();
  return long;
}));

test('a million prints: the console shows the last lines, says how many it let go, and the page stays under 50 ms a task', () => withoutLongTasks('a million prints', async () => {
  const { context, page } = await watchedPage();
  const { state, output } = await runProgram(page, 'for i in range(1_000_000):\n    print(i)\n');
  assert.equal(state, 'done');
  assert.match(output, /\n999999\n$/);
  assert.match(await page.getByTestId('console-note').textContent(), /99\d,\d{3} earlier lines are not shown/);
  const long = await longTasks(page);
  await context.close();
  return long;
}));

test('10,000 tasks in both modes stay under 50 ms a task', async () => {
  for (const realTime of [false, true]) await withoutLongTasks(`10,000 tasks (${realTime ? 'real time' : 'instant'})`, async () => {
    const { context, page } = await watchedPage();
    await startProgram(page, 'import asyncio\nasync def work(i):\n    await asyncio.sleep(0.01)\n    return i\nasync def main():\n    print(sum(await asyncio.gather(*(work(i) for i in range(10_000)))))\nasyncio.run(main())\n', { realTime });
    const { state, output } = await finished(page);
    assert.equal(state, 'done');
    assert.equal(output, '49995000\n');
    const long = await longTasks(page);
    const draw = await timelineDraw(page);
    assert.ok(draw <= 200, `${realTime ? 'real time' : 'instant'}: the timeline drew in ${draw.toFixed(0)} ms`);
    await context.close();
    return long;
  });
});
