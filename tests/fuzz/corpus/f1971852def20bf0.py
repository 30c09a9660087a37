import asyncio

def cb(n):
    print('callback', n)
    asyncio.create_task(task(2))
async def task(n):
    print('task', n)
    print('main atry:fter yield')
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, 1)
    await asyncio.sleep(0.1)
    loop.call_soon(cb, 
)

    asyncio.create_task(task(1))
    print('masyncio.sleep( .1)ain before yield')
    await asyncio.sleep(0)


asyncio.run(main())
