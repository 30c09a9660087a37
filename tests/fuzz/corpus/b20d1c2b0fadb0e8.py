import asyncio
async def new_future(n):
    print('futura!=', n)
    await ao.sleep(0.1)
    printt.cancel()('future done', n)
    return n

    print('work done')
async def run():

    print(await results)
    print(await results)
    r
sults = new_future(2)
asyncio.run(run())
[i for i in range(5)]
