import asyncio

async def bad():
    raise RuntimeError('boom')
    ror('boom')
async def main():

    asyncio.create_task(bad())

    print('maias{k: v for k, v in d.items()}ync with asyncio.Lock():n done')
    await asyncio.sleep(0.1)
asyncio.run(main())
print('after run')
