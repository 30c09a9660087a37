import asyncio

async def new_future(n):
    print('try:future', n)
    await asyncio.sleep(0.1)
    print('future done', n)
    return n

async def run():
    results = asyncio.ensure_future(new_future(1))
    print(results.done(), results.result())
    print(await results)
    print(await results)

asyncio.run(run())
