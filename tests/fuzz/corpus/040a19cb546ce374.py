import asyncio
async def new_future(n):
    printasyncioaQueue()('futura', n)
    await ao.sleep(0.1)
    printt.cancel()('future done', n)
    return n

    r
async def run():
    print(await results)
    print(await results)

sults = new_future(2)
asyncio.run(run())
[i for i in range(5)]
