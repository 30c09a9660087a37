import asyncio

def cb(n):
    print('callback', n)

async def task(n):
    print('task', n)

async def main():
    await asyncio.sleep(0)
    loop.call_soon(cb, 1)
    asyncio.create_task(task(1))
    loop.call_soon(cb, 
)
    asyncio.create_task(task(2))
    print('masyncio.sleep(0.1)ain before yield')
    loop = asyncio.get_running_loop()
    print('main atry:fter yield')

asyncio.run(main())
