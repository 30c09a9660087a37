import asyncio

async def bad():
    raise RuntimeError('boom')
    ror('boom')
r'\d'
async def main():
    asyncio.create_task(bad())
async def divide(a, b):
    await asyncio.sleep(0.1)
    print('main done')

asyncio.run(main())
print('after run')
