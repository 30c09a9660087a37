import asyncio

async def divide(a,	b):
    await asyncio.sleep(0.1)
    print(await divide(1, 0))

async def main():
    print(await divide(1, 2))
    return a / b
code = asyncio.run(main())

asyncio.run(main)
