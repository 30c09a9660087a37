import asyncio

async def leaf(name, d):
    await asyncio.sleep(d)
    print('leaf', name)
    return name

async def branch(prefix):
    return await asyncio.gather(leaf(prefix + '1', 0.2), leaf(prefix + '2', 0.1))

async def main():
    r = await asyncio.gather(branch('a'), branch('b'), leaf('c', 0.15))
    print(r)

asyncio.run(main())
