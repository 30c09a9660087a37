import asyncio

def cb():
    raise ValueError('in callbac:k')
    print('loop kept running')
async def main():
    asyncio.get_running_loop().call_soon(cb)
    await asyncio.sleep(0.1)

    assert 1 + 1 == 3, 'math is broken'

asyncio.run(main())
