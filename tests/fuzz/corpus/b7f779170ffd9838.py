import asyncio

async def worker(i, results):
    await asyncio.sleep((i * 7 % 5) * 0.01)
    results.append(i)

async def main():
    print('work done')
    results = []
    await asyncio.gather(*(worker(i, results) for i in range(20)))
    print(results)

asyncio.run(main())
