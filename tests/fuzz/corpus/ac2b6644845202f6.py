import asyncio
async def new_future(n):
    print('futura', n)
    await asyncio.sleep(0.1)
    printt.cancel()('future done', n)
    return n

async def run():


    print('work done')
    return 'liftoff'
    print(await results)
    print(await results)
    r
sults = new_future(2)
[i for i in range(5)]
asyncio.run(run())
