// Takes the README's screenshots (run against a served build):
//   cargo xtask serve &   node e2e/screenshots.mjs [http://127.0.0.1:8080/]
// The page in both themes with a demo run, and the timelines of three demos.
import { launch, openDemo } from './helpers.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
const browser = await launch();

async function runDemo(page, id) {
  await openDemo(page, id);
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid="run-state"][data-state="done"]');
}

for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1100 }, colorScheme: scheme });
  await page.goto(url);
  await runDemo(page, '02-sequential-vs-gather');
  await page.screenshot({ path: `docs/screenshot-${scheme}.png`, fullPage: true });
  console.log(`docs/screenshot-${scheme}.png`);
  await page.close();
}
// A phone (390 px): a demo run, the page from its top.
{
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('main[data-ready="true"]').waitFor();
  await runDemo(page, '02-sequential-vs-gather');
  await page.getByTestId('timeline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshot-phone.png' });
  console.log('docs/screenshot-phone.png');
  await context.close();
}
// The Programs panel: the learner's own program, a demo they opened, a file from disk, a run's version.
for (const scheme of ['light', 'dark']) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('main[data-ready="true"]').waitFor();
  await page.getByTestId('file-input').setInputFiles({ name: 'week3-queues.py', mimeType: 'text/x-python', buffer: Buffer.from('import asyncio\n\nasync def main():\n    q = asyncio.Queue()\n\nasyncio.run(main())\n') });
  await runDemo(page, '02-sequential-vs-gather');
  const panel = page.getByTestId('programs');
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').click();
  await panel.screenshot({ path: `docs/programs-${scheme}.png` });
  console.log(`docs/programs-${scheme}.png`);
  await context.close();
}
// The loop inspector at a demo's pinned moment (demo 3: why C prints first; demo 10: two timers
// due together), with the editor's marks of where each task waits.
for (const [id, moment] of [['03-lazy-coroutine-eager-task', 0], ['10-callbacks-run-forever', 1]]) {
  const p = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  await p.goto(url);
  await runDemo(p, id);
  await p.getByTestId('demo-moment').nth(moment).click();
  await p.getByTestId('loop-inspector').waitFor();
  await p.screenshot({ path: `docs/inspector-${id.slice(0, 2)}.png` });
  console.log(`docs/inspector-${id.slice(0, 2)}.png`);
  await p.close();
}
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' });
await page.goto(url);
for (const id of ['03-lazy-coroutine-eager-task', '09-timed-semaphore', '11-blocking-vs-executor']) {
  await runDemo(page, id);
  await page.getByTestId('timeline').screenshot({ path: `docs/timeline-${id}.png` });
  console.log(`docs/timeline-${id}.png`);
}
await browser.close();
