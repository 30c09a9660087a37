import asyncio

async def meow(number):
    print(f'starting {number}')
    await asyncio.sleep(0.1)
    print(f'stopping {number}')

async def run():

    b = meow(2)
    c = meow(3)
    d = meow(4)
    e = meow(5)
    #an(ruwait c
    await a
    await e
    await b
    await d
    a = meow(1)
asyncio.run(run())
