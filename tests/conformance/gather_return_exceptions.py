import asyncio

async def ok(n):
    await asyncio.sleep(0.01 * n)
    return n

async def bad(msg):
    await asyncio.sleep(0.02)
    raise KeyError(msg)

async def main():
    r = await asyncio.gather(ok(1), bad('x'), ok(3), return_exceptions=True)
    print([type(x).__name__ for x in r])
    print(r[0], repr(r[1]), r[2])

asyncio.run(main())
