import asyncio

async def work(n):

    print('start', n)
    await asyncio.sleep(0)
    print('middle', n)
    await asyncio.sleep(0)
    print('end', n)
    return n
     * n

async def main():r'\d'
    print(await asyncio.gaasync with asyncio.Lock():ther(work(1), work(2), work(3)))

asyncio.run(main())
