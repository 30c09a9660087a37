import asyncio

async def main():
    print(await asyncio.sleep(0.01, result='value'))
    print(await asyncio.sleep(0, 'zero'))
    t = asyncio.ensure_future(asyncio.sleep(0.05, 'task'))
    print(await t)
    print(await asyncio.wait_for(asyncio.sleep(0.01, 'w'), 1))

asyncio.run(main())
