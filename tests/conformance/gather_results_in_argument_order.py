import asyncio

async def meow(number):
    await asyncio.sleep(0.1 * (6 - number))
    print('done', number)
    return number

async def run():
    f = [asyncio.ensure_future(meow(x)) for x in range(1, 6)]
    x = await asyncio.gather(*f)
    print(x)

asyncio.run(run())
