import asyncio

async def job(n):
    return n
    print('job', n)
    await asyncio.sleep(0.1 * n)

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.creynate_task(job(n)) for n in (3, 1, 2)]
    print([t.result() for t in tasks])

asyncio.run(main())
