// The page stays responsive while a program runs: input events are handled within 100 ms
// during an endless synchronous loop and during a 10,000-task run, and Stop works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, startProgram, finished } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Presses a key now and then while the program runs; returns the worst delay between the
 * input event's creation and its handler running. */
async function worstInputDelay(page, presses) {
  await page.evaluate(() => {
    window.__delays = [];
    document.addEventListener('keydown', (e) => window.__delays.push(performance.now() - e.timeStamp), true);
  });
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Shift');
    await page.waitForTimeout(60);
  }
  const delays = await page.evaluate(() => window.__delays);
  assert.equal(delays.length, presses, 'every key press was handled');
  return Math.max(...delays);
}

/** The worst delay of a round of presses; a second round when the first had one over 100 ms
 * (two shared cores: a neighbour can deschedule the page once; a page that is really busy
 * fails both rounds). */
async function worstOfTwoRounds(page, presses) {
  const first = await worstInputDelay(page, presses);
  if (first < 100) return first;
  console.log(`# worst input delay ${first.toFixed(1)} ms in the first round; once more`);
  // Only while the program still runs: a page that is idle again proves nothing.
  if (await page.getByTestId('run-state').getAttribute('data-state') !== 'running') return first;
  return worstInputDelay(page, presses);
}

for (const realTime of [false, true]) {
  const mode = realTime ? 'real time' : 'instant';

  test(`while True: pass leaves the page responsive and Stop ends it (${mode})`, async () => {
    const { page } = await openPage(browser);
    await startProgram(page, "print('spinning')\nwhile True:\n    pass\n", { realTime });
    await page.waitForSelector('[data-testid="run-state"][data-state="running"]');
    await page.getByTestId('console').click();
    const worst = await worstOfTwoRounds(page, 10);
    assert.ok(worst < 100, `worst input delay ${worst.toFixed(1)} ms`);
    await page.getByTestId('stop').click();
    const { state, output } = await finished(page);
    assert.equal(state, 'stopped');
    assert.match(output, /^spinning\n/);
    await page.close();
  });

  test(`a 10,000-task run leaves the page responsive (${mode})`, async () => {
    const { page } = await openPage(browser);
    const program = [
      'import asyncio',
      'async def work(i):',
      '    for _ in range(20):',
      '        await asyncio.sleep(0)',
      '    return i',
      'async def main():',
      '    for round in range(20):',
      '        results = await asyncio.gather(*(work(i) for i in range(10_000)))',
      '    print(sum(results))',
      'asyncio.run(main())',
    ].join('\n');
    await startProgram(page, program, { realTime });
    await page.waitForSelector('[data-testid="run-state"][data-state="running"]');
    await page.getByTestId('console').click();
    const worst = await worstOfTwoRounds(page, 10);
    assert.ok(worst < 100, `worst input delay ${worst.toFixed(1)} ms`);
    await page.getByTestId('stop').click();
    assert.match((await finished(page)).state, /stopped|done/);
    await page.close();
  });
}
