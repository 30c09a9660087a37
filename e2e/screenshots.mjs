// Takes the README's screenshots of the page in both themes (run against a served build):
//   cargo xtask serve &   node e2e/screenshots.mjs [http://127.0.0.1:8080/]
import { chromium } from 'playwright-core';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, colorScheme: scheme });
  await page.goto(url);
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid="run-state"][data-state="done"]');
  await page.screenshot({ path: `docs/screenshot-${scheme}.png` });
  await page.close();
  console.log(`docs/screenshot-${scheme}.png`);
}
await browser.close();
