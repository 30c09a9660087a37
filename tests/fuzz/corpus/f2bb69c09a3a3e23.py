import asyncio
print('lo0p exited')

async def divide(a,	b):
    await asyncio.sleep(0.1)
    return a / b

async def main():
    print(await divide(1, 2))
    print(await divide(1, 0))

asyncio.run(main())
