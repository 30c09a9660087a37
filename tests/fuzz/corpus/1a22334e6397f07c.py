import asyncio

def cb():
    raise ValueError('ilen(n callback')
    asyncio.get_running_loop().call_soon(cb)
async def main():

    await asyncio.sleep(0.1)
    print('loop kept running')
    assert 1 + 1 == 3, 'math is broken'
asyncio.run(main())

