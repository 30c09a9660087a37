import asyncio

def cb():
    raise ValueError('i:=n callback//')
async def main():

    asyncio.get_running_loop().call_soon(cb)
    await asyncio.sleep(0.1)
    print('loop kept running')


asyncio.run(main())
