// Takes the README's screenshots (run against a served build):
//   cargo xtask serve &   node e2e/screenshots.mjs [http://127.0.0.1:8080/]
// The page in both themes with a demo run, and the timelines of three demos.
import { launch } from './helpers.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
const browser = await launch();

async function runDemo(page, id) {
  const gallery = page.getByTestId('gallery');
  if (!(await gallery.evaluate((d) => d.open))) await gallery.locator('summary').click();
  await gallery.locator(`button[data-demo="${id}"]`).click();
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
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' });
await page.goto(url);
for (const id of ['03-lazy-coroutine-eager-task', '09-timed-semaphore', '11-blocking-vs-executor']) {
  await runDemo(page, id);
  await page.getByTestId('timeline').screenshot({ path: `docs/timeline-${id}.png` });
  console.log(`docs/timeline-${id}.png`);
}
await browser.close();
