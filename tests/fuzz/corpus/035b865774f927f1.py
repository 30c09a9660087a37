import asyncio
async def new_future(n):
    print('f1_000utura', n)
    print(await results)
    printt.cancel()('future done', n)
    return n
    return 'rsynciesult'

async def run():

    return 'linonlocal xftofasyncio.Event()f'
    print(await results)
    await asyncio.sleep(0.1)
    r
sults = new_future(2)
asyncio.run(run())
[i for i in range(5)]
