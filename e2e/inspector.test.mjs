// The loop inspector: the event loop's ready queue, timers and waiting tasks at the replay
// position, step by step; the narration; the insights above the timeline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, openDemo, finished, runProgram, startProgram } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const texts = (page, id) => page.getByTestId('loop-inspector').getByTestId(id).allInnerTexts();
const where = (page) => page.getByTestId('inspector-where').innerText();

async function runDemo(page, id) {
  await openDemo(page, id);
  await page.getByTestId('run').click();
  return finished(page);
}

test('the default program: three meow tasks in the ready queue, their timers, the waiting tree, a step', async () => {
  const { page, errors } = await openPage(browser);
  await page.getByTestId('run').click();
  assert.equal((await finished(page)).state, 'done');
  assert.equal(await page.getByTestId('insight').count(), 0, 'nothing to say about a program that does nothing wrong');
  await page.getByTestId('open-inspector').click();
  await page.getByTestId('loop-inspector').waitFor();
  // Opened on a finished run, it starts at the loop's first iteration: main()'s first step.
  assert.match(await where(page), /^iteration 1 · t = 0\.000 s/);
  assert.deepEqual(await texts(page, 'ready-item'), ['Task-1 main(): step next']);
  // The first iteration after main() suspends: the three tasks' first steps, in creation order.
  await page.getByTestId('step-iteration-forward').click();
  assert.match(await where(page), /^iteration 2 · t = 0\.000 s/);
  assert.deepEqual(await texts(page, 'ready-item'), ['Task-2 meow(1): step next', 'Task-3 meow(2): step', 'Task-4 meow(3): step']);
  // A cursor in the middle of their sleeps: three wake-ups at 1 s; main() → gather of 3 → the tasks.
  await page.getByTestId('scrubber').fill('0.5');
  const timers = (await texts(page, 'timer-item')).map((t) => t.replace(/\s+/g, ' '));
  assert.deepEqual(timers, ['t = 1.000 s wake Task-2 (sleep 1 s)', 't = 1.000 s wake Task-3 (sleep 1 s)', 't = 1.000 s wake Task-4 (sleep 1 s)']);
  const waiting = (await texts(page, 'waiting-item')).map((t) => t.replace(/\s+/g, ' '));
  assert.deepEqual(waiting, [
    'Task-1 main() awaits gather of 3 (line 10)',
    '↳ Task-2 meow(1) awaits sleep 1 s (line 5)',
    '↳ Task-3 meow(2) awaits sleep 1 s (line 5)',
    '↳ Task-4 meow(3) awaits sleep 1 s (line 5)',
  ]);
  assert.match(await page.getByTestId('inspector-running').innerText(), /idle in select \(next timer in 0\.500 s\)/);
  // Forward to t = 1 s: the timers fire (their callbacks set the sleeps' futures), then the
  // tasks wake in order; one handle forward runs the first of them.
  await page.getByTestId('step-iteration-forward').click();
  assert.match(await where(page), /^iteration 3 · t = 1\.000 s/);
  assert.deepEqual(await texts(page, 'ready-item'), ['wake Task-2 (sleep 1 s) next', 'wake Task-3 (sleep 1 s)', 'wake Task-4 (sleep 1 s)']);
  await page.getByTestId('step-iteration-forward').click();
  assert.match(await where(page), /^iteration 4 · t = 1\.000 s/);
  assert.match((await texts(page, 'ready-item'))[0], /^Task-2 meow\(1\): wake-up/);
  await page.getByTestId('step-handle-forward').click();
  assert.match(await page.getByTestId('inspector-running').innerText(), /Running: Task-2 meow\(1\): wake-up/);
  assert.equal((await texts(page, 'ready-item')).length, 2);
  // Back one iteration, and the keys the buttons show.
  await page.getByTestId('step-iteration-back').click();
  assert.match(await where(page), /^iteration 4 · t = 1\.000 s/);
  await page.getByTestId('loop-inspector').press('[');
  assert.match(await where(page), /^iteration 3 · t = 1\.000 s/);
  await page.getByTestId('loop-inspector').press(']');
  await page.getByTestId('loop-inspector').press('.');
  assert.match(await page.getByTestId('inspector-running').innerText(), /Task-2 meow\(1\)/);
  // The narration: one line per iteration, the current one marked; a click goes there.
  const lines = await page.getByTestId('narration-line').allInnerTexts();
  assert.match(lines[2], /^iteration 3, t = 1\.000 s: 3 timers fired; ran wake Task-2 \(sleep 1 s\)/);
  await page.getByTestId('narration-line').nth(1).locator('button').click();
  assert.match(await where(page), /^iteration 2 · t = 0\.000 s/);
  assert.equal(await page.locator('[data-testid="narration-line"].current').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('demo 3 at the moment C prints shows why: the task\'s step was in the ready queue', async () => {
  const { page, errors } = await openPage(browser);
  await runDemo(page, '03-lazy-coroutine-eager-task');
  await page.getByTestId('open-inspector').click();
  const line = page.getByTestId('narration-line').filter({ hasText: "speak() ran, printed 'C'" });
  assert.equal(await line.count(), 1, 'the eager run\'s task prints C in its first step');
  await line.locator('button').click();
  const ready = await texts(page, 'ready-item');
  assert.ok(ready.some((r) => /speak\(\): step/.test(r)), `the task's step waits in the ready queue: ${ready}`);
  await page.getByTestId('step-handle-forward').click();
  // Steps run in queue order: step forward until the task's step runs, and C is printed then.
  for (let i = 0; i < 5 && !/speak\(\)/.test(await page.getByTestId('inspector-running').innerText()); i++) {
    await page.getByTestId('step-handle-forward').click();
  }
  assert.match(await page.getByTestId('inspector-running').innerText(), /speak\(\): step/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('demo 11: an insight names time.sleep and its line, and shows both', async () => {
  const { page, errors } = await openPage(browser);
  await runDemo(page, '11-blocking-vs-executor');
  const insight = page.getByTestId('insight');
  assert.equal(await insight.count(), 1);
  assert.equal(await insight.getAttribute('data-kind'), 'blocked');
  const text = await insight.innerText();
  assert.match(text, /time\.sleep\(1\) in Task-3 blocking_in_the_loop\(\) blocked the event loop for 1\.000 s/);
  await insight.getByRole('button', { name: 'line 13' }).click();
  const selected = await page.evaluate(() => {
    const el = document.querySelector('[data-testid="editor"]');
    return AwaitlabEditor.selectionOf(el);
  });
  assert.match(selected, /time\.sleep\(1\)/);
  await insight.getByRole('button', { name: /^at / }).click();
  assert.match(await page.getByTestId('cursor-time').innerText(), /^0 (s )?of/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a fire-and-forget task and a coroutine never awaited are named, with their lines', async () => {
  const { page, errors } = await openPage(browser);
  await runProgram(page, 'import asyncio\n\nasync def tick():\n    await asyncio.sleep(1)\n\nasync def main():\n    asyncio.create_task(tick())\n    tick()\n    await asyncio.sleep(0.1)\n\nasyncio.run(main())\n');
  const kinds = await page.getByTestId('insight').evaluateAll((els) => els.map((e) => e.dataset.kind));
  assert.deepEqual(kinds.sort(), ['left-running', 'never-awaited']);
  assert.match(await page.getByTestId('insight').filter({ hasText: 'never awaited' }).innerText(), /line 8/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Open in Perfetto hands the trace to ui.perfetto.dev by its PING/PONG protocol', async () => {
  const context = await browser.newContext();
  // A stand-in for ui.perfetto.dev (no network in tests): it answers PING with PONG, as the
  // real UI does once its listener is up, and shows what it was sent in its title.
  await context.route('https://ui.perfetto.dev/**', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><title>waiting</title><script>
      let pinged = 0;
      addEventListener('message', (e) => {
        if (e.data === 'PING') { pinged++; e.source.postMessage('PONG', '*'); return; }
        const p = e.data && e.data.perfetto;
        if (p) document.title = 'got ' + p.title + ' ' + p.fileName + ' ' + JSON.parse(new TextDecoder().decode(p.buffer)).traceEvents.length + ' events after ' + pinged + ' pings';
      });
    </script>`,
  }));
  const { page, errors } = await openPage(context);
  await page.getByTestId('run').click();
  await finished(page);
  const [perfetto] = await Promise.all([context.waitForEvent('page'), page.getByTestId('open-perfetto').click()]);
  await perfetto.waitForFunction(() => document.title.startsWith('got '), null, { timeout: 20000 });
  assert.match(await perfetto.title(), /^got Awaitlab run awaitlab-trace\.json \d+ events after [1-9]\d* pings$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a demo\'s pinned moment opens the inspector there, and the editor marks where each task waits', async () => {
  const { page, errors } = await openPage(browser);
  await runDemo(page, '10-callbacks-run-forever');
  const moments = page.getByTestId('demo-moment');
  assert.equal(await moments.count(), 2);
  await moments.nth(1).click();
  await page.getByTestId('loop-inspector').waitFor();
  assert.match(await where(page), /^iteration 5 · t = 0\.400 s/);
  assert.deepEqual((await texts(page, 'ready-item')).map((t) => t.replace(/\s+/g, ' ')),
    ['wake Task-2 (sleep 0.4 s) next', 'wake Task-1 (sleep 0.2 s)']);
  // Both tasks are suspended at their `await asyncio.sleep(...)`: one mark each on that line.
  const marks = await page.getByTestId('task-mark').allInnerTexts();
  assert.deepEqual(marks.sort(), ['Task-1 waits', 'Task-2 waits']);
  // A handle forward: Task-2's wake-up callback runs; then its step: it shows as running.
  await page.getByTestId('step-iteration-forward').click();
  await page.getByTestId('step-handle-forward').click();
  assert.match(await page.getByTestId('inspector-running').innerText(), /Task-2 display\(2\): wake-up/);
  assert.ok((await page.getByTestId('task-mark').allInnerTexts()).includes('Task-2 runs'));
  // Closing the inspector clears the marks.
  await page.getByTestId('open-inspector').click();
  assert.equal(await page.getByTestId('task-mark').count(), 0);
  // So does an edit: the program's lines are no longer the run's.
  await page.getByTestId('open-inspector').click();
  await page.getByTestId('step-handle-forward').click();
  assert.ok(await page.getByTestId('task-mark').count() > 0);
  await page.getByTestId('editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# edited');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="task-mark"]').length === 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a running task shows the chain of coroutines it resumed in, each line a link', async () => {
  const { page, errors } = await openPage(browser);
  await runProgram(page, "import asyncio\n\nasync def get_video(who):\n    await asyncio.sleep(0.5)\n    return who\n\nasync def fetch_all():\n    a = await get_video('student')\n    return [a]\n\nasync def main():\n    videos = await fetch_all()\n    print(videos)\n\nasyncio.run(main())\n");
  await page.getByTestId('open-inspector').click();
  await page.getByTestId('loop-inspector').waitFor();
  // Asleep: the waiting tree names the chain main() awaits through.
  await page.getByTestId('scrubber').fill('0.25');
  assert.deepEqual((await texts(page, 'waiting-item')).map((t) => t.replace(/\s+/g, ' ')),
    ["Task-1 main() → fetch_all() → get_video('student') awaits sleep 0.5 s (line 4)"]);
  // Handle by handle to main()'s wake-up: it runs, resumed in three coroutines.
  for (let i = 0; i < 10 && !/wake-up/.test(await page.getByTestId('inspector-running').innerText()); i++) {
    await page.getByTestId('step-handle-forward').click();
  }
  const stack = page.getByTestId('inspector-stack');
  assert.equal((await stack.innerText()).replace(/\s+/g, ' '), "resumed in main() line 12 → fetch_all() line 8 → get_video('student') line 4");
  await stack.getByRole('button', { name: 'line 8' }).click();
  const selected = await page.evaluate(() => AwaitlabEditor.selectionOf(document.querySelector('[data-testid="editor"]')));
  assert.match(selected, /a = await get_video\('student'\)/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('in real time the inspector follows the run live, then steps through it when it is over', async () => {
  const { page, errors } = await openPage(browser);
  await startProgram(page, 'import asyncio\n\nasync def nap(n):\n    await asyncio.sleep(2)\n    return n\n\nasync def main():\n    print(await asyncio.gather(nap(1), nap(2), nap(3)))\n\nasyncio.run(main())\n', { realTime: true });
  // Offered while the run goes on, before there is a trace to step through.
  await page.getByTestId('open-inspector').click();
  const inspector = page.getByTestId('loop-inspector');
  await inspector.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="loop-inspector"] [data-testid="timer-item"]').length === 3);
  assert.match(await where(page), /^live · iteration \d+ · t = /);
  assert.deepEqual((await texts(page, 'waiting-item')).map((t) => t.replace(/\s+/g, ' ').replace(/ \(line \d+\)$/, '')),
    ['Task-1 main() awaits gather of 3', '↳ Task-2 nap(1) awaits sleep 2 s', '↳ Task-3 nap(2) awaits sleep 2 s', '↳ Task-4 nap(3) awaits sleep 2 s']);
  assert.match(await page.getByTestId('inspector-running').innerText(), /idle in select \(next timer in/);
  assert.equal(await page.getByTestId('step-iteration-forward').count(), 0, 'no stepping while it runs');
  assert.equal((await finished(page)).state, 'done');
  // Over: the inspector steps through the run it watched, from its first iteration (on the
  // real clock, a few ms in).
  await page.getByTestId('step-iteration-forward').waitFor();
  assert.match(await where(page), /^iteration 1 · t = 0\.0\d\d s/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('executor jobs are in flight; an overloaded practice API is an insight', async () => {
  const { page, errors } = await openPage(browser);
  await runDemo(page, '11-blocking-vs-executor');
  await page.getByTestId('open-inspector').click();
  await page.getByTestId('scrubber').fill('1.5');
  assert.deepEqual(await texts(page, 'flight-item'), ['executor: sleep(1) (Task-5 awaits)']);
  await runDemo(page, '07-hundred-videos');
  const overloaded = page.getByTestId('insight').and(page.locator('[data-kind="overloaded"]'));
  assert.equal(await overloaded.count(), 1);
  assert.match(await overloaded.innerText(), /^The practice API was overloaded: 100 requests in a row, up to 100 at once/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a semaphore\'s waiters show their place in its line', async () => {
  const { page, errors } = await openPage(browser);
  await runProgram(page, 'import asyncio\n\nsem = asyncio.Semaphore(1)\n\nasync def use(n):\n    async with sem:\n        await asyncio.sleep(1)\n\nasync def main():\n    await asyncio.gather(use(1), use(2), use(3))\n\nasyncio.run(main())\n');
  await page.getByTestId('open-inspector').click();
  await page.getByTestId('scrubber').fill('0.5');
  const waiting = (await texts(page, 'waiting-item')).map((t) => t.replace(/\s+/g, ' '));
  assert.deepEqual(waiting.slice(2), ['↳ Task-3 use(2) awaits Semaphore(1) sem, waiter 1 of 2 (line 6)', '↳ Task-4 use(3) awaits Semaphore(1) sem, waiter 2 of 2 (line 6)']);
  assert.deepEqual(errors, []);
  await page.close();
});
