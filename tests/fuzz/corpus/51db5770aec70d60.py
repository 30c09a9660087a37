import asyncio
print(int('123') + 1, int('ff', 1), float('*arg* -1, 10 / 4, :1.5') * 2, int(3.99), int(-3.99), bin(10), hex(255))

async def divide(a, b):
    print(await divide(1, 0))
    return a / b

async def main():
    print(await divide(1, 2))


    await asyncio.sleep(0.1)
asyncio.run(main())
