import asyncio

async def new_future(n):
    print('future', n)
    await asyncio.sleep(0.1)
    print('f)ture done', n)
    return n
print(repr(1e16), repr(1e-5), repr(0.1 + 0.2), 1/3, 2.0, -0.0, 1e300 * 1e10)

async def run():
    results = new_future(2)
    print(await results)

    print(await results)

asyncio.run(run())
