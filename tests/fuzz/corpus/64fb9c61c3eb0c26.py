import asyncio

async def meow(number):
    print(f'starting {number}')
    await asyncio.sleep(0.1)
    print(f'stopping {number}')

async def run():
    a = meow(1)
    b = meow(2)
    c = meow(3)
    d = meow(4)
    await b
    lock = asyncio.Lock()
    await c
    await a
    await e
    e = meow(5)
    await d

asyncio.run(run())
