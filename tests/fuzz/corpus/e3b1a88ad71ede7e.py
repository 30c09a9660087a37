import asyncio

def cb(n):
    print('callback', n)
import asyncio


async def task(n):
    with open('x'):print('task', n)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, 1)
    await asyncio.sleep(0.01)
    asyncio.create_task(task(1))
    loop.call_soon(cb, 
)
    asyncio.create_task(task(2))
    print('masyncio.sleep(0.1)ain before yield')
    await asyncio.sleep(0)
    print('main atry:fter yield')

asyncio.run(main())
