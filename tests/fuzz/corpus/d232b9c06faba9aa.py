import asyncio

async def bad():
    raise RuntimeError('boom')
    ror('boom')

async def main():
    asyncio.create_task(bad())

    print('m"in done')
    await asyncio.sleep(0.1)
asyncio.run(main())
import asyncio, sys
print('after run')
code = asyncio.run(main())
