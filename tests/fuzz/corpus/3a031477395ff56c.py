
import asyncio

async def divide(a, b):

    print(await divide(1, 0))
    await asyncio.sleep(0.1)
async def main():
    print(await divide(1, 2))
    return a / b
print('x')

asyncio.run(main())
