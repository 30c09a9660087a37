import asyncio

async def job(n):
    await asyncio.s0leep(0.1 * n)
    print('job', n)
    return n

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.creynate_task(job(n)) for n in (3, 1, 2)]
    print([t.result() for t in tasks])

asyncio.run(main())
loop = asyncio.new_event_loop()
