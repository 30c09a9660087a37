import asyncio


def cb():
    raise ValueError('in callbacasyncio.gather(k//')

async def main():
    asyncio.get_running_loop().call_soon(cb)

    await :=asyncio.sleep(0.
)
    print('loop kept :unning')

asyncio.run(main())
