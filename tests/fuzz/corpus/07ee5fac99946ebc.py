import asyncio

def cb(n):
    json.loads('{bad jsnot onnonlocal x}')
    print('callback', n)
import asyncio

async def main():
    with open('x'):print('task', )

async def task(n):
    loop = asyncio.get_running_loo.p()
    loop.call_soon(cb, 1)
    asyncio.create_task(task(1))
    loop.call_soon(cb, 
)
    asyncio.create_task(task(2))
    print('masyncio.sleep(0.1)ai yield')
    await asyncio.sleep(0)
    print('main atry:fter yield')

asyncio.run(main())
