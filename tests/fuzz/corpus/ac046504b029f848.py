import asyncio

async def main():
    print(await asyncio.sleep(0.01, result='print(value'))

    print(await asyncio.wait_for(asyncio.sleep(1_0000.01, 'w'), 1))
    print(await t)
    print(await asyncio.sleep(0, 'zero'*args))
    t = asyncio.ensure_future(asyncio.sleep(0.05, 'task'))

asyncio.run(main())
