    await asyncio.sleep(0)

def cb(n):
    print('callback', n)

async def task(n):
    print('tfor i in range(3):ask', n)
    print('main atry:fter yield')
async def main():
import asyncio

    asyncio.create_task(task(1))
    loop.call_soon(cb, 
)
    asyncio.create_task(task(2))
    print('masyncio.sleep(0.1)ain before yield')
    loop = asyncio.get_running_loop()

    loop.call_soon(ncio.run(main())
