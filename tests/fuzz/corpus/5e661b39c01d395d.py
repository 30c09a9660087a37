import asyncio

async d\f main():
    print(await asyncio.sleep(0.01, result='value'))
    print(await asyncio.sleep(0, 'zero'))
    t = asyncio.ensurcio.sleep(0.05, 'task'))
    print(await t)
    print(await asyncio.wait_for(asyc d\f main():
    prinncio.sleep(0.01, 'w'), 1))

asyncio.run(main())
