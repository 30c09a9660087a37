// What learners paste (issue 20): a notebook's cells with top-level await, the PyData notebook
// of the seeds with its local test server's URL unchanged, and the hint a script with a
// top-level await gets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, runProgram, finished } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PYDATA = readFileSync(new URL('../tests/notebooks/pydata_2024.py', import.meta.url), 'utf8');

test("the PyData notebook's cells run as the notebook shows them, its API_URL answered by the practice API", async () => {
  const { page, errors } = await openPage(browser);
  await page.getByTestId('editor').fill(PYDATA);
  assert.equal((await page.getByTestId('notebook-badge').textContent()).trim(), 'notebook · 9 cells');
  const run = await runProgram(page, PYDATA);
  assert.equal(run.state, 'done', run.output);
  assert.match(run.output, /^Awaitlab: http:\/\/0\.0\.0\.0:8000 is answered by the practice API/m);
  assert.match(run.output, /^Out\[3\]: 'student'$/m);
  assert.match(run.output, /^Out\[4\]:\n\{'id': 'student',\n 'title': /m);
  assert.match(run.output, /^Out\[8\]: 100\nOut\[9\]: 100\n?$/m);
  // The timeline spans every cell: each cell is a task of the one loop, and the two fetches
  // of 100 videos show the contrast (100 requests at once against at most 10).
  const summary = await page.getByTestId('timeline-summary').textContent();
  assert.match(summary, /207 requests, at most 100 in flight/, summary);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a script with a top-level await fails as in CPython, and the page offers to run it as a notebook', async () => {
  const { page, errors } = await openPage(browser);
  const run = await runProgram(page, 'import asyncio\nasync def answer():\n    await asyncio.sleep(0.1)\n    return 42\nawait answer()\n');
  assert.equal(run.state, 'failed');
  assert.match(run.output, /SyntaxError: 'await' outside function/);
  await page.getByTestId('notebook-hint').waitFor();
  assert.equal(await page.getByTestId('notebook-badge').count(), 0);
  await page.getByTestId('make-notebook').click();
  const again = await finished(page);
  assert.equal(again.state, 'done', again.output);
  assert.equal(again.output.trim(), 'Out[1]: 42');
  assert.equal((await page.getByTestId('notebook-badge').textContent()).trim(), 'notebook · 1 cell');
  assert.deepEqual(errors, []);
  await page.close();
});

// The classic threads tutorial: a pool of workers fetching with requests, its map in order.
// The page's worker fetches threading, _thread and concurrent.futures from the built site
// before the run; the main thread's waits let the workers run (their requests overlap).
test('a ThreadPoolExecutor fetching with requests runs its workers side by side, results in order', async () => {
  const { page, errors } = await openPage(browser);
  const run = await runProgram(page, [
    'import concurrent.futures, threading, time, requests',
    'def fetch(n):',
    '    r = requests.get("/api/videos/student")',
    '    return n, r.status_code, threading.current_thread().name',
    'start = time.perf_counter()',
    'with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:',
    '    for n, status, name in pool.map(fetch, range(8)):',
    '        print(n, status, name)',
    'took = time.perf_counter() - start',
    'print("overlapped:", took < 8 * 0.1)',
    '',
  ].join('\n'));
  assert.equal(run.state, 'done', run.output);
  const lines = run.output.trim().split('\n');
  assert.deepEqual(lines.slice(0, 8).map((l) => l.split(' ').slice(0, 2).join(' ')), [0, 1, 2, 3, 4, 5, 6, 7].map((n) => `${n} 200`));
  assert.deepEqual(new Set(lines.slice(0, 8).map((l) => l.split(' ')[2])), new Set(['ThreadPoolExecutor-0_0', 'ThreadPoolExecutor-0_1', 'ThreadPoolExecutor-0_2', 'ThreadPoolExecutor-0_3']));
  assert.equal(lines[8], 'overlapped: True');
  assert.deepEqual(errors, []);
  await page.close();
});
