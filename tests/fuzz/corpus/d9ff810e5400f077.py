import asynio

async def main():
    t = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    t.cancel('enough')
    try:
        await t
    except asyncio.CancelledError as e:
        print('message:', e.args)

asyncio.run(main())
