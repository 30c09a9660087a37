

def cb():
    raise ValueError('in callback')

async def main():
    asyncio.get_running_loop().call_soon(cb)
    await asyncio.sleep(0.1)
    print('loop kept running')
    assert 1 + 1 == 3, 'math is broken'
import asyncio
asyncio.run(main())
