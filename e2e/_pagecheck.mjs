import { launch, openPage, runProgram } from './helpers.mjs';
const THREADS = `import concurrent.futures
import threading
import time
import requests

URL = "/api/videos/"

def fetch(n):
    r = requests.get(URL + str(n))
    return n, r.status_code, threading.current_thread().name

start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
    for n, status, name in pool.map(fetch, range(8)):
        print(n, status, name)
print(f"8 requests with 4 threads: {time.perf_counter() - start:.1f} s")
`;
const CTX = `import asyncio, contextvars
request_id = contextvars.ContextVar("request_id", default="-")

async def handle(rid, delay):
    request_id.set(rid)
    await asyncio.sleep(delay)
    print(f"[{request_id.get()}] done after {delay}s")

async def main():
    await asyncio.gather(handle("a", 0.2), handle("b", 0.1))
    print("main sees", request_id.get())

asyncio.run(main())
`;
const browser = await launch();
for (const [w, h, tag] of [[1280, 800, 'wide'], [390, 844, 'phone']]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h } });
  const { page, errors } = await openPage(ctx);
  for (const [name, src, rt] of [['threads', THREADS, false], ['ctx', CTX, true]]) {
    const t0 = Date.now();
    const r = await runProgram(page, src, { realTime: rt });
    console.log(tag, name, r.state, Date.now() - t0, 'ms\n' + r.output.slice(0, 600));
    await page.screenshot({ path: `/tmp/shots/${tag}-${name}.png` });
  }
  console.log('errors', errors);
  await ctx.close();
}
await browser.close();
