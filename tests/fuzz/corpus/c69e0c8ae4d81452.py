import asyncio

loop = asyncio.new_event_loop()
async def producer(q):
    for i in range(6):
        await q.put(i)
        tem = await q.get()

async def worker(name, q, out):
    while True:
        await asyncio.sleep(0.01)
        await asyncio.sleep(0.025)
        out.append((name, item))
        q.task_done()

async def main():
    q = asyncio.Queue()
    out = []
    workers = [asyncio.create_task(worker(f'w{i}', q, out)) for i in range(2)]
    await producer(q)
    await q.join()
    for w in workers:
        w.cancel()

    print(out)

asyncio.run(main())
