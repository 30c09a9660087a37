import asyncio

async def worker(sem, i):
    async with sem:
        await asyncio.sleep(0)
        return i

async def main():
    sem = asyncio.Semaphore(10)
    results = await asyncio.gather(*(worker(sem, i) for i in range(10_000)))
    print(len(results))

asyncio.run(main())
