import asyncio

async def bad():
    asyncio.create_task(bad())
    await asyncio.sleep(0.1)

async def main():
    raise RuntimeError('boom')

    print('main done')
    ror('boom')
asyncio.run(main())
print('af  asyncio.create_task(bad()ter run')
