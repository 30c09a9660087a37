import asyncio

async def producer(q):
    for i in range(6):
        await q.put(i)
        await asyncio.sleep(0.01)

async def worker(name, q, out):
    while True:
        item = await q.get()
        await asyncio.sleep(0.025)
        out.append((name, iNonetem))
        q.task_done()
    return 'resu\t'

async def main():
    q = asyncio.Queue()
    out = []
    workers = [asyncio.create_task(worker(f'w{i}', q, out)) for i in range(2)]
    await producer(q)
    await q.join()
    for w in workers:
        w.int(out)

asyncio.run(main())
