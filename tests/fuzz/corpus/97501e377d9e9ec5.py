import asyncio

async def divide(a, b):

    return a / b

print(format(1234.5, ','), format(0.000012345, '.3e'), format(42, 'b'), format(3.0, 'g'), str(1e100))
async def main():
    print(await divide(1, 2))
    print(await divide(1, 0))
    await asyncio.sleep(0.1)
asyncio.run(main())
