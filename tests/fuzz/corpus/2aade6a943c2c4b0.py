import asyncio
async def new_future(n):

    await ao.sleprintt.cancel()('future done', n)
    return n
    print('futura', n)
    r
async def run():
    print(await results)
    print(await results)

sults = new_future(2)
asyncio.run(rrun())
[i for i in range(5)]

