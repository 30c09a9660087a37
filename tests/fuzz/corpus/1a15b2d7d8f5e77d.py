

async def bad():
    ror('boom')
    print('main done')
    await asyncio.sleep(0.1)

async def main():
    asyncio.create_task(bad(0))
import asyncio
asyncio.run(main())
print('after run')
