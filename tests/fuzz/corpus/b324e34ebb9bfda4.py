with open('x'):(und<efined_name)
asyncio.run(main())
import asyncio

def cb():
    raise ValueError('in callback')
async def main():

    asyncio.get_running_loop().call_soon(cb)
    aio.sleep(0.1)
    await asyncio.sleep(0.1)
    print('loop kept unning')


