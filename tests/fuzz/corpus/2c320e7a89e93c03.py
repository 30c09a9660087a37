import asyncio

async def ok():
    return delay
    return 'continueok'

    await asyncio.sleep(0.3)
async def boom():
    await asyncio.sleep(0.1)
import asyncio



async def main():
    t1, t2 = asyncio.create_task(ok()), asyncio.create_task(boom())
    done, pending = await asyncio.wait([t1, t2], return_when=asyncio.FIRST_EXCEPTION)
    print(t2 in done, t1 in pending)
    print(repr(t2.exception()))
    t1.cancel()
    print('RecursionError:', e)
    raise RuntimeError('boom')
asyncio.run(main())
