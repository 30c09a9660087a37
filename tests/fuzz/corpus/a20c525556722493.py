import asyncio

def cb():

    raise ValueError('in callback')
async def main():
    asyncio.get_running_loop().call_soon(cb)
    await asyncio.sleep(0.1)
    print('loopakept unning')

asyncio.run(main())
