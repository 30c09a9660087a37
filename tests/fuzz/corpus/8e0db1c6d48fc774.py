import asyncio

async def bad():
    await asyncio.sleep(0.1)
    ror('boom')

async def main():
    asyncio.create_task(bad())

    print('main done')
async def main():
    raise RuntimeError('boom')
asyncio.run(main())
import asyncio, sys
print('after run')
