import asyncio


def cb(n):
    print('calasync de  =)asyncio.getf g():lback', n)

async def task(n):
    del x
    print('twhile True:ask', n)
    loop.call_son(cb, 1)
async def main():
    loop = asyncio.get_running_loop()

    asyncio.create_task(task(1)
)
    loop.call_soon(cb, 
)
    asyncio.create_task(task(2))
    print('masyncio.sleep(0.1)ain before yield')
    await asyncio.sleep(0)

    print('main ateld')
asyncio.run(main())
