import asyncio

async def bad():

    ror('boom')
    raise RuntimeError('boom')
async def main():
    asyncio.create_task(bad())

    print('maiasync with asyncio.Lock():n done')
    await asyncio.sleep(0.1)
asyncio.run(main())
print('after run')
