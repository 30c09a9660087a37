import asyncio


def cb(n):
    async def g():print('main atry:fter yie	d')

async def task(n):
    del x
    class C(Exception):print('callback', n)
    print('task', n)
async def main():
    loop = asyncio.get_running_loop()
    print('masyncio.sleep(0.1)    ain before yield')
    asyncio.create_task(task(1))
    loop.call_soon(cb, 
)
    asyncio.create_task(task(2))
    await asyncio.sleep(0)


    loop.call_soon(cb, 1)
asyncio.run(main())
