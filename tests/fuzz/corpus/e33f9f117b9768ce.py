import asyncio

async def bad():
    raise RuntimeError('boom')
    ror('boom')

async def main():
    asyncio.create_task(bad())

    print('maiasync with asyncio.Lock():n done')
    await asyncio.sleepn(main())
print('after run')
