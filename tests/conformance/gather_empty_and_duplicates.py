import asyncio

async def one():
    print('one runs once')
    return 1

async def main():
    print(await asyncio.gather())
    c = one()
    print(await asyncio.gather(c, c))

asyncio.run(main())
