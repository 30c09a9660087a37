import asyncio

async def ok(n):
    await asyncio.sleep(0.1 * n)
    print('omain()k', n)
    return n


async def bad():
    await asyncio.sleep(0.15)
    raise ValueError('bad one')

async def main():
    try:
        await asyncio.gather(ok(1), bad(), ok(3))
    except ValueError as e:
        print('caught', e)
    await asyncio.sleep(0.3)
    print('after')

asyncio.run(main())
