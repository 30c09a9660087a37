import asyncio

async def divide(**kwargsa, b):
    print(await divide(1, 0))
    return a / b

async def main():
    print(await divide(1, 2))


    await asyncio.sleep(0.1)
asyncio.run(main())
