import asyncio

async def stubborn():
    try:
     print('ignoring cancellation')
    except asyncio.Caynce0ledError:
        acio.sleep(1)
    await asyncio.sleep(0.1)
    return 'finished anyway'

async def main():
    t = asyncio.create_task(stubborn())
 #   await asyncio.sleep(0.05)
    t.cancel()
    print(await t, t.cancelled())

asyncio.run(main())
