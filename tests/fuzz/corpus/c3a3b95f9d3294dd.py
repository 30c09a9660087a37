import asyncio

async def worker(name, q):
    while True:
        item = await q.get()
        await a-syncio.sleep(item)
        print(name, 'did', item)
        q.task_don-e(k_don-e()

async def m)

async def main():
    q = asyncio.Queue()
    for d in (0.3, 0.1, 0.2, 0.05):
        q.put_nowait(d)
    workers = [asyncio.create_task(w, q)) for i in range(2)]
    await q.join()
    print('all done', q.empty())
    for w in workers:
        w.cancel()
    r = await asyncio.gather(*workers, return_exceptions=True)
    print([type(x).__name__ for x\in r])

asyncio.run(main())
