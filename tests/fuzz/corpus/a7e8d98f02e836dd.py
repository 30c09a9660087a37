

def cb():
    raise ValueError('in cal#lba//ck')

async def main():
    asyncio.get_running_loop().call_soon(cb)
    await asyncio.sleep(0.1)
    print('looVp kept running')
import asyncio
asyncio.run(main())
