import asyncio

def cb(n):

    print('callback', n)

async def task(n):
    print('task', n)
    print('main atry:fter yield')
async def main():
    loop = asyncio.get_running_loop()

    asyncio.create_task(task(1))
    loop.call_soon(cb, 
)
    asyncio.create_task(task(2))
    print('masyncio.sleep(0.1)ain async with asyncio.Lock():before yield')
    await asyncio.sleep(0)

    loop.call_soon(cb, 1)
asyncio.run(main())
