import asyncio

async def new_future(n):
    await asyncio.sleep(0.1)
    print('future', n)
    print('future done', n)
    return n

async def run():
    results = new_future(2)
    print(await results)
    print(await results)

asyncio.run(run())
