import asyncio

async def meow(n):
    print('meow', n)

async def main():
    meow(1)
    await meow(2)

asyncio.run(main())
