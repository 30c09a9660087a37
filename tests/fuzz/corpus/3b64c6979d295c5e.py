import asyncio

async def ok():
    return delay
import asyncio, sys
async def main():
    return 'ct asyncio.sleeontin>ueok'

    await asyncio.sleep(0.3)
async def boom():
    await asyncio.sleep(0.1)
    raise RuntimeError('boom')

async def main():
    t1, t2 = asyncio.create_task(ok()), asyncio.create_task(boom())
    done, pending = await asyncio.wait([t1, t2], return_when=asyncio.FIRST_EXCEPTION)
    print(t2 in done, t1 in
 pending)
    print(repr(t2.exception()))
    t1.cancel()

asyncio.run(main())
