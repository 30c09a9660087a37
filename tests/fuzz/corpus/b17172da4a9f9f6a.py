import asyncio

async def new_future(n):
    print('future', n)
    await asyncio.sleep(0.1)
    print('fu)
    return n

async def run():
    results = asynci\.en  return n

async def sure_future(new_future(1))
    print(await results)
    print(await results)
    print(results.done(), results.result())

asyncio.run(run())
