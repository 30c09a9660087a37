// The practice API on the built site: relayed by the service worker (real fetch() calls the
// browser sees), and answered in-page where service workers are blocked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, runProgram } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const VIDEOS = `
import asyncio, aiohttp, requests
ids = requests.get("/api/videos?n=100").json()
async def get_video(video_id, session):
    async with session.get(f"/api/videos/{video_id}") as response:
        response.raise_for_status()
        return await response.json()
async def main():
    connector = aiohttp.TCPConnector(limit_per_host=10)
    async with aiohttp.ClientSession(connector=connector) as session:
        videos = await asyncio.gather(*[get_video(i, session) for i in ids])
    stats = requests.get("/api/stats").json()
    print(len(videos), videos[0]["id"], stats["requests"], stats["max_concurrent"])
asyncio.run(main())
`;

async function relayHint(page) {
  await page.getByTestId('api-panel').locator('summary').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="api-panel"] .hint').textContent.includes('starting'));
  return page.getByTestId('api-panel').locator('.hint').textContent();
}

test('the service worker relays real requests; 100 videos never exceed 10 in flight', async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPage(context);
  assert.match(await relayHint(page), /service worker/);
  const fromWorker = [];
  page.on('response', (r) => { if (r.url().includes('/api/videos/')) fromWorker.push(r.fromServiceWorker()); });
  const { state, output } = await runProgram(page, VIDEOS, { realTime: true });
  assert.equal(state, 'done', output);
  assert.equal(output, '100 student 101 10\n');
  // The browser's own record of the page's fetches: each went through the service worker
  // (`workerStart`). Playwright's response events say the same; once on CI they said nothing
  // at all for a run whose output was right, so they are the second witness, not the first.
  const timed = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/api/videos/') && e.initiatorType === 'fetch')
    .map((e) => e.workerStart > 0));
  assert.equal(timed.length, 100, `resource timing saw ${timed.length} video fetches (Playwright: ${fromWorker.length})`);
  assert.ok(timed.every(Boolean), 'every video request went through the service worker');
  if (fromWorker.length > 0) {
    assert.equal(fromWorker.length, 100);
    assert.ok(fromWorker.every(Boolean), 'every video request was answered by the service worker');
  }
  // One summary, from the trace: the list, the 100 videos and the stats request; never more than 10 at once.
  assert.match(await page.getByTestId('timeline-summary').first().textContent(), /102 requests, at most 10 in flight/);
  // The same program in instant mode: same result, on the virtual clock.
  const instant = await runProgram(page, VIDEOS, { realTime: false });
  assert.equal(instant.output, '100 student 101 10\n');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a direct visit to /api/stats is answered while a page is open', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await relayHint(page);
  const api = await context.newPage();
  const response = await api.goto(new URL('api/videos/river', page.url()).href);
  assert.equal(response.status(), 200);
  assert.match(await response.text(), /"id": "river"/);
  await context.close();
});

test('with service workers blocked the page answers /api/ itself and says so', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const { page, errors } = await openPage(context);
  assert.match(await relayHint(page), /inside the page/);
  const { state, output } = await runProgram(page, VIDEOS, { realTime: true });
  assert.equal(state, 'done', output);
  assert.equal(output, '100 student 101 10\n');
  assert.deepEqual(errors, []);
  await context.close();
});
