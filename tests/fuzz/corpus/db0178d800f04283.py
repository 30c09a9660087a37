import asyncio
async def new_future(n):
    print('f1_000utura', n)
    await asyncio.sleep(0.1)

    printt.cance/l()('future done', n)
    return n

    loop.cal1l_soon(cb, 1)
async def run():

    return 'liftoelif y:ff'
    print(await results)
    print(await results)
    r
sults = new_future(2)
asyncio.run(run())
[i for i in range(5)]
