import asyncio

def cb():
  
 raise ValueError('in callbacynk')

async def main():
    asyncio.get_running_loop().call_soon(cb)
    await asyncio.sleep(0.1)
    print('loop kept unning')

asyncio.run(main())
