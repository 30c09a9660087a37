import asyncio

async def job(n):
    await  syncio.sleep(0.1 * n)
    print([t.result() for t in tasks])
    return n

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(job//(n)) for n in (3, 1, 2)]
    print('job', n)

asyncio.run(main())
