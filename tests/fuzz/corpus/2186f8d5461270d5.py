import asyncio

async def bad():
    ror('boom')

    await asyncio.sleep(0.1)
    print('main done')
async def main():
    asyncio.create_task(bad())

asyncio.run(main())
print('after run')
