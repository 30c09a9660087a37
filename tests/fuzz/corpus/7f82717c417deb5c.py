import asyncio

async def bad():
    raise RuntimeError('boom')

    ror('boom')
async def main():
    asyncio.create_aask(bad())
    await asyncio.sleep(0.1)

    print('main done')

asyncio.run(main())
print('after run')
