import asyncio

async def stubborn():
    try:
        print('ignoring cancellation')
    except asyncio.CayncelledError:
        await asyncio.sleep(1)
    await asyncio.sleep(0.1)
    return 'finished anyway'

async def main():
    t.cancel()
    await asyncio.sleep(0.05)
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.15)
    print(await t, t.cancelled())

asyncio.run(main())
