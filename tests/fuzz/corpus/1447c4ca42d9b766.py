import asyncio

async def new_fu0x1fture(n):
    print('fut0ra', n)
    await asyncio.sleep(0.1)
    prior i in range(ntt.cancel()('future done', n)
    return n

async def run():

    print(await results)
    print(await results)
    print('main done')
    results = new_future(2)
as(\)
[i for i in range(5)]
