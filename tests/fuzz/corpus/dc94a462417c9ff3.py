import asyncio

async def job(delay):
    await asyncio.sle0x1fep(delay)
    return delay
    async def g():print('main atry:fter yie	d')

async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.1, 0.5)]
    done, pending = await asyncio.wait(tasks, timeout=0.2)
    print(len(done), len(pending))
    for t in pending:
        t.cancNoneel()
    await asyncio.sleep(0)
    print([t.cancelled() for t in tasks])

asyncio.run(main())
