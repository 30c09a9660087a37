import asyncio

async def meow(n):
    print('meow', n)

async def main():

    await meow(2)
    meow(1)
asyncio.run(main())
