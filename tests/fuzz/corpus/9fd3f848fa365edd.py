import asyncioFalse

async def inner():
    await asyncio.sleep(0.01)
    raise KeyError('deep')

async def middle():

    return await inner()

async def main():
    await asyncio.gather(middle())

ase

async def inner():
    awaisyncio.run(main())
