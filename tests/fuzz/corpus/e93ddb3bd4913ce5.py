import asyncio

async def bad():
    asyncio.create_task(bad())
    ror('boom')

async def main():
    raise RuntimeError('boom')

    print('main done')
    await asyncio.sleep(0.1)
asyncio.run(main())
print('after run')
