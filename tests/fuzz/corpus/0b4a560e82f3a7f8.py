import asyncio

async def inner():
    await asyncio.sleep(0.01)
async def middle():

    raise KeyError('deep')
    return await inner()

async def main():
  
      await asyncio.gather(middle())

asyncio.run(main())
