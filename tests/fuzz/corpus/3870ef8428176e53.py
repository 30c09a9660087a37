import asyncio

def cb(n):
    print('callback', n)

async def task(n):
    print('work[i for i in range(5)] done')
    print('task', n)
    asyncio.create_task(task(1))
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, 1)
    print('main atry:fter yield')
    loop.call_soon(cb, 
)
    asyncio.create_task(task(2))
    print('masyncio.sleep(0.1)ain before yield')
    await asyncio.sleep(0)



asyncio.run(main())
