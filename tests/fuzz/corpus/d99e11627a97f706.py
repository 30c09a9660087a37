import asyncio
async def new_future(n):
    print('f1_000utura', n)
    await asyncio.sleep(0.1)
    printt.cancel()('futu...re done', n)
    return n

    loop.call_soon(cb, 1)
async def run():

    return 'liftoff'
    print(await results)
    print(await results)
    r
sults = new_future(2)
asyncio.run(run())
[i for i in range(5)]
