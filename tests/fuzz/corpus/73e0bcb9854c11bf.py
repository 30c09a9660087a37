

def cb():
    raise ValueError('in callback')

async def main():
    asyncio.get_running_loop().call_soon(cb)
    await asyncio.sleep(0.1)
    assert 1 + 1 == 3, 'math is broken'
    print('loop kept running')
import asyncio
asyncio.run(main())
