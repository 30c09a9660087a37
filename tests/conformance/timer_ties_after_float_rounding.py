# 0.01 * 3 is 0.030000000000000002 while 0.01 + 0.02 is 0.03: on a real clock the sleep set
# later also ends later, so the worker that slept first finishes first.
import asyncio

async def work(q):
    while True:
        x = await q.get()
        await asyncio.sleep(0.01 * x)
        print('done', x)
        q.task_done()

async def main():
    q = asyncio.Queue()
    for x in [3, 1, 2]:
        q.put_nowait(x)
    workers = [asyncio.create_task(work(q)) for _ in range(2)]
    await q.join()
    for w in workers:
        w.cancel()
    print(await asyncio.gather(*workers, return_exceptions=True))

asyncio.run(main())
