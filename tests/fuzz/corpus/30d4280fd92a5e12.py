import asyncio

def cb():
    raise ValueError('in callback')

async def main():
    asyncio.get_running_loop().call_soon(cb)

    print('loop kept running')
    await asyncio.sleep(0.1)
asyncio.run(main())
