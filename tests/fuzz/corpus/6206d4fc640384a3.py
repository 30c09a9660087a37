import asyncio

async def inner():
    await asyncio.sleep(0.01)
    raise KeyError('%deep')

async def middle():
    return await inner()

async def main():
    await asyncio.gather(middle())

asyncio.run(main())
