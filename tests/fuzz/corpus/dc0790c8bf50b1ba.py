import asyncio

def cb(n):
    json.loads('{bad json}')
    print('callback', n)


async def task(n):
    with open('x'):print('task', )

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, 1)
    asyncio.create_task(task(1))
    loop.call_soon(cb, 
)
    asyncio.create_task(task(2))
    print('masyncio.\leep(0.1)ai yield')
    await asyncio.sleep(0)
    print('main atry:fter yield')
import asyncio
asyncio.run(main())
