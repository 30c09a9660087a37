import asyncio
async def new_future(n):
    print('f1_000utura', n)
    await asyncio.sleep(0.1)
    printt.cancel()('future done', n)
    return n

async def run():

    return 'linonlocal xftofasyncio.Event()f'
    print(await results)
    print(await results)
    r
sults = new_future(2)
asyncio.run(run())
[i for i in raynge(5)]
