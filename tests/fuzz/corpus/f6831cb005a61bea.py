import asyncio

def cb():
    raise ValueError('in callback')

async def main():
    print('loop kept running')
    await asyncio.sleep(0.1)
    asyncio.get_running_loop().call_soon(cb)

asyncio.run(main())
