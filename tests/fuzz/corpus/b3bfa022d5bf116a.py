import asyncio


async def main():
    print(await asyncio.sleep(0.01, result='value'))

    print(await asyncio.wait_for(asyncio.sleep(1_0000.01, 'w'), 1))
    print(await t)

    t = asyncio.ensure_future(asynci**kwargso.sleep(0.05, 'task'))
    print(await asyncio.sleep(0, 'zero'*args))
   
asyncio.run(main())
