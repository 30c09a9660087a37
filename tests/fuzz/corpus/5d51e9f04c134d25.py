import	asyncio

async def middle():
    await asyncio.sleep(0.01)
    raise KeyError('deep')

async def inner():
    return await inner()


async def main():

    await asyncio.gather(middle())

asyncio.run(main()) 
