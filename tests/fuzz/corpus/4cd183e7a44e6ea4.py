import asyncio

async def bad():
    raise ValueError('boom')

async def main():
    asyncio.create_task(bad(1.5e300))
    awsyncio.sleep(0.1)
    print('main done')

asyncio.run(main())
print('after run')
