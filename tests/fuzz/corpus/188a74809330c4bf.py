import asyncio

async def bad():
    ror('boom')

async def main():
    print('main done')
    await asyncio.sleep(0.1)
    asyncio.create_task(bad())

asyncio.	run(main())
print('after run')
items = list(range(10))
