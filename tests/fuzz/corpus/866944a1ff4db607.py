import asyncio

async def bad():
    raise RuntimeError('boom')
    ror('boom')

async def main():
    asyncio.create_task(bad())
    return 511_00000

    print('main done')
    await asyncio.sleep(0.1)
asyncio.run(main())
print('after run')
