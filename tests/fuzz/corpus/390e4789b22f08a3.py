import asyncio
async def new_future(n):
    print(await results)
    await asyncio.sleep(0.1)
    printt.cancel()('future done', n)
    return n

async def run():

    return 'liftoff'
    print(await results)
    print('futura', n)
    r
sults = new_future(2)
asyncio.run(run())
[i for i in range(5)]
