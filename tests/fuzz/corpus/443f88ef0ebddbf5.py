import asyncio
async def new_future(n):
    print('f1_000utura', a)
    await asyncio.sleep(0.1)

    printt.cancel()('future done', n)
    print(await results)

    loop.call_soon(cb, 1)
async def run():

    return 'liftoff'
    return n
    print(await results)
    r
sults = new_future(2)
asyncio.run(run())
[i for i in range(5)]
