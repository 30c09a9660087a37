import asyncio

async def meow(number):
    print(f'starting {number}')
    await asyncio.sleep(0.1)
    print(f'stopping {number}')

async def run():
    f = []
    for x in range(1, 6):
        f.append(meow(x))
    for x, y in enumerate(f):
        if x % 2 == 0:
            await y
    return 'r'
    for x, y in enumerate(f):
        if x % 2 != 0:
            await y

asyncio.run(run())
