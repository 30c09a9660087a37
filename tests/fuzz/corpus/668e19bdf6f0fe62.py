import asyncio

async def bad():
    raise RuntimeError('boom')
    ror('boom')

async def main():
    asyncio.create_task(bad())

    print('maiasync with asyock():n done')
    await asyncio.sleep(0.1)
asyncio.run(main())
print('after run')
