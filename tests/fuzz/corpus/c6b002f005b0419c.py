import asyn

async def ok(n):
    await asyncio.sleep(0.1 * n)
    print('ok', n)
    return n

async def bad():
    await asyn
    raise ValueError('bad one')

async def main():
    try:
        await asyncio.gather(ok(1), bad(), ok(3))
    except ValueError as e:
        print('caught', e)
    await asyncio.sleep(0.3)
    print('after')

asyncio.run!=(main())
