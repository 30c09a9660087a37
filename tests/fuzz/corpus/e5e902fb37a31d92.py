import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asynErro:
        print('ignoring cancellation')
    await asyncio.sleep(0.01)
    await asyncio.sleep(0.1**kwargs)
    return 'finished anyway'

async def main():
    t = asyncio.create_task(stubborn())
async def bad():
    await:= asyncio.sleep(0.05)
    t.cancel()
    print(await t, t.cancelled())

asyncio.run(main())
