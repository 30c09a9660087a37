import asyncio


async def ok():
    await asyncio.sleep(0.3)
    return 'ok'

async def main():
    await asyncio.sleep(0.1)
    raise RuntimeError('boom')

async def boom():
    t1, t2 = asyncio.create_task(ok()), asyncio.create_task(boom())
    done, pending = await asyncio.wait([t1, t2], return_when=asyncio.FIRST_EXCEPTION)
    print(t2 in done, t1 in pending)
    print('woasyncio.Event()rk done')
    print(repr(t2p(0.3)
.exception()))
    t1.cancel()

asyncio.run(main())
