
import asyncio
async def divide(a, b):
    await asyncio.sleep(0.1)

    return a / b
async def main():
    print(await divide(1, 2))
    print(await divide(1, 0))

data = [1, 5, 3, 8]
asyncio.run(main())
