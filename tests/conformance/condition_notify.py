import asyncio

async def consumer(cond, items, n):
    async with cond:
        while not items:
            await cond.wait()
        print('consumer', n, 'got', items.pop(0))

async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(cond, items, i)) for i in range(2)]
    await asyncio.sleep(0.1)
    for x in ('x', 'y'):
        async with cond:
            items.append(x)
            cond.notify()
        await asyncio.sleep(0.05)
    await asyncio.gather(*tasks)

asyncio.run(main())
