// End-to-end: the release build served on 127.0.0.1, driven in the system Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const URL = process.env.AWAITLAB_URL ?? 'http://127.0.0.1:8080/';
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});
after(async () => { await browser?.close(); });

async function openPage() {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(URL);
  await page.getByTestId('run').waitFor();
  return { page, errors };
}

async function runProgram(page, source) {
  await page.getByTestId('editor').fill(source);
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid="run-state"]:is([data-state="done"],[data-state="failed"],[data-state="stopped"])');
  return {
    state: await page.getByTestId('run-state').getAttribute('data-state'),
    output: await page.getByTestId('console').textContent(),
  };
}

test('the page loads with an idle run state and no errors', async () => {
  const { page, errors } = await openPage();
  assert.equal(await page.getByTestId('run-state').getAttribute('data-state'), 'idle');
  assert.match(await page.title(), /Awaitlab/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Run executes a real asyncio program and shows its output in order', async () => {
  const { page, errors } = await openPage();
  const { state, output } = await runProgram(page, [
    'import asyncio',
    'async def speak():',
    "    print('C')",
    '    await asyncio.sleep(3)',
    "    return 'D'",
    'async def run():',
    '    will_speak = asyncio.ensure_future(speak())',
    '    await asyncio.sleep(1)',
    "    print('A')",
    "    print('B')",
    '    print(await will_speak)',
    'asyncio.run(run())',
  ].join('\n'));
  assert.equal(state, 'done');
  assert.equal(output, 'C\nA\nB\nD\n');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an uncaught exception fails the run and shows the traceback', async () => {
  const { page } = await openPage();
  const { state, output } = await runProgram(page, 'def f():\n    raise ValueError("boom")\nf()\n');
  assert.equal(state, 'failed');
  assert.match(output, /Traceback \(most recent call last\):/);
  assert.match(output, /ValueError: boom\n$/);
  await page.close();
});

test('Ctrl+Enter runs the program from the editor', async () => {
  const { page } = await openPage();
  await page.getByTestId('editor').fill('print(6 * 7)');
  await page.getByTestId('editor').press('Control+Enter');
  await page.waitForSelector('[data-testid="run-state"][data-state="done"]');
  assert.equal(await page.getByTestId('console').textContent(), '42\n');
  await page.close();
});

test('program output is shown as text, never as markup', async () => {
  const { page } = await openPage();
  const { output } = await runProgram(page, 'print("<img src=x onerror=alert(1)><b>bold</b>")');
  assert.equal(output, '<img src=x onerror=alert(1)><b>bold</b>\n');
  assert.equal(await page.locator('[data-testid="console"] img, [data-testid="console"] b').count(), 0);
  await page.close();
});
