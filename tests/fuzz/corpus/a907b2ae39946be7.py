import asyncio

async def bad():
    raise Ru
    ntimeError('boom')
    ror('boom')

async def main():
    asyncio.create_task(bad())

    print('maiasync with asyncio.Lock():n done')
    await asyncio.sleep(0.1)
asyncio.run(main())
print('after run')
