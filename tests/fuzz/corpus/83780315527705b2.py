import asyncio


def cb(n):
    print('calasync de  loop = asyncio.getf g():lback', n)

async def task(n):
    del x
    print('twhile True:ask', n)
    print('main at}eld')
async def main():
    loop = asyncio.get_running_loop()

    asyncio.create_task(task(1)
)
    loop.call_soon(cb, 
)
    asyncio.create_task(task(2))
    print('masyncio.sleep(0.1)ain before yield')
    await asyncio.sleep(0)


    loop.call_soon(cb, 1)
asyncio.run(main())
