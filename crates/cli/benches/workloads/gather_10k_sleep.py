import asyncio

async def worker(i):
    await asyncio.sleep(0.01)
    return i

async def main():
    results = await asyncio.gather(*(worker(i) for i in range(10_000)))
    print(len(results), sum(results))

asyncio.run(main())
