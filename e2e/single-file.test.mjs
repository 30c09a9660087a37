// The single file for a USB stick (issue 22): dist/awaitlab.html, opened from disk (file://),
// runs programs, the practice API's demos, library imports and the Rust twins with nothing
// fetched but the file itself, and opens the guide it carries.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, ready, runProgram, finished, isEditingStyleRefusal } from './helpers.mjs';

const FILE = fileURLToPath(new URL('../dist/awaitlab.html', import.meta.url));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The single file opened from disk in a fresh context, its errors and every request it made.
async function openFile() {
  assert.ok(existsSync(FILE), `${FILE} is missing: build it with cargo xtask dist --single-file`);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !isEditingStyleRefusal(m.text())) errors.push(m.text()); });
  context.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(FILE).href);
  await ready(page);
  return { context, page, errors, requests };
}

/// What was fetched besides the file itself and the blob: and data: URLs it made.
const fetchedElsewhere = (requests) => requests.filter((u) => !/^(blob|data):/.test(u) && u !== pathToFileURL(FILE).href);

test('opened from disk, the single file runs the default program and a practice-API demo in instant mode', async () => {
  console.log(`dist/awaitlab.html: ${(statSync(FILE).size / 1024).toFixed(0)} KB`);
  const { context, page, errors, requests } = await openFile();
  // It says what works with no network, and what does not.
  assert.match(await page.getByTestId('notice').textContent(), /runs from this file, with no network.*Requests to real URLs need the network/);
  await page.getByTestId('real-time').setChecked(false);
  await page.getByTestId('run').click();
  const first = await finished(page);
  assert.equal(first.state, 'done', first.output);
  assert.ok(first.output.trim().length > 0, 'the default program printed nothing');
  // The practice API answers in the page: there is no service worker on file://.
  await page.getByTestId('gallery').locator('summary').click();
  await page.locator('button[data-demo="02-sequential-vs-gather"]').click();
  await page.getByTestId('demo-info').waitFor();
  await page.getByTestId('real-time').setChecked(false);
  await page.getByTestId('run').click();
  const demo = await finished(page);
  assert.equal(demo.state, 'done', demo.output);
  assert.match(demo.output, /all_at_once: 4 videos/);
  assert.ok((await page.locator('.timeline-svg, .timeline canvas').count()) > 0, 'the timeline is drawn');
  assert.deepEqual(fetchedElsewhere(requests), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the single file imports library modules it carries, and reports one it does not have', async () => {
  const { context, page, errors, requests } = await openFile();
  const run = await runProgram(page, [
    'import re, textwrap, asyncio',
    'async def main():',
    '    await asyncio.sleep(0)',
    "    print(re.findall(r'\\d+', 'a1 b22 c333'), textwrap.shorten('one two three four', 12))",
    'asyncio.run(main())',
  ].join('\n'));
  assert.equal(run.state, 'done', run.output);
  assert.equal(run.output.trim(), "['1', '22', '333'] one [...]");
  // A library function's own import (run_in_executor's concurrent.futures), read as it runs.
  const lazy = await runProgram(page, [
    'import asyncio',
    'async def main():',
    '    print(await asyncio.get_running_loop().run_in_executor(None, sum, [20, 22]))',
    'asyncio.run(main())',
  ].join('\n'));
  assert.equal(lazy.output.trim(), '42', lazy.output);
  const missing = await runProgram(page, 'import numpy\n');
  assert.equal(missing.state, 'failed');
  assert.match(missing.output, /ModuleNotFoundError: No module named 'numpy'/);
  assert.deepEqual(fetchedElsewhere(requests), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the single file stops an endless loop, keeps the program across a reload, and opens its guide', async () => {
  const { context, page, errors } = await openFile();
  const source = 'while True:\n    pass  # kept across the reload\n';
  await page.getByTestId('editor').fill(source);
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid="run-state"][data-state="running"]');
  await page.waitForTimeout(300);
  await page.getByTestId('stop').click();
  assert.equal((await finished(page)).state, 'stopped');
  // Stop ended the worker: a fresh one runs the next program.
  assert.equal((await runProgram(page, 'print(6 * 7)\n')).output.trim(), '42');
  await page.getByTestId('editor').fill(source);
  await page.waitForTimeout(1000);
  await page.reload();
  await ready(page);
  assert.match(await page.getByTestId('editor').textContent(), /kept across the reload/);
  const [guide] = await Promise.all([context.waitForEvent('page'), page.locator('a.guide-link').click()]);
  await guide.waitForLoadState();
  assert.match(await guide.locator('h1').first().textContent(), /\S/);
  assert.ok((await guide.locator('h2').count()) >= 3, 'the guide has its sections');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the single file runs a Rust twin from the module it carries', async () => {
  const { context, page, errors, requests } = await openFile();
  await page.getByTestId('gallery').locator('summary').click();
  await page.locator('button[data-demo="03-lazy-coroutine-eager-task"]').click();
  await page.getByTestId('demo-info').waitFor();
  await page.getByTestId('rust-twin').locator('summary').click();
  await page.getByTestId('run-rust').click();
  const run = await finished(page);
  assert.equal(run.state, 'done', run.output);
  assert.equal(run.output, 'A\nB\nC\nD\n---\nC\nA\nB\nD\n');
  assert.match(await page.locator('[data-testid="rust-source"]').textContent(), /async fn/);
  assert.deepEqual(fetchedElsewhere(requests), []);
  assert.deepEqual(errors, []);
  await context.close();
});
