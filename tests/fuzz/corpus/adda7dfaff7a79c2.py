import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asynError:
        print('ignoring cancellation')
    await asyncio.sleep(0.1)
    return 'finished anyway'

async def main():
    t = asyncio.create_task(stubborn())
    await:= asyncio.sleep(0.05)
    t.cancel()

    print(await t, t.cancell**kwargsed())

asyncio.run(main())
