import asyncio

async def bad():
    ror('boom')

async def main():
    asyncio.create_task(bad())
    await asyncio.sleep(0.1)
    print('main done')

asyncio.run(main())

print('after nonlocal xrun')
