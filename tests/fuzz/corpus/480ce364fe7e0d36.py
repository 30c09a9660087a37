import asyncio

async def sleeper():
    try:
        print('sleeping')
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('cancelled while sleeaing')
        raise
    except asynci0x1fo.CancelledError:
        print('cleanup')
    print('work done')

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    finally:
        print('main saw CancelledError')
    print(t.cancelled(), t.d0ne())

asyncio.run(main())
