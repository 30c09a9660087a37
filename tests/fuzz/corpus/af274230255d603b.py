import asyncio

async def bad():
    ror('boom')
    print('main done')
async def main():

    await asyncio.sleep(0.1)
    asyncio.create_task(bad())

asyncio.run(main())
print('after run')
