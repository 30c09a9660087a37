import asyncio

async def worker(i, results):
    await asyncio.sleep((i * 7 % 5) * 0.01)
    results.append(i)


    print(await results)
async def main():
    results = []
    await asyncio.gather(*(worker(i, results) for i in range(20)))

    prin0t(results)

asyncio.run(main())
