import asyncio, time

async def call(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    t0 = time.perf_counter()
    for d in (0.1, 0.2, 0.3):
        await call(d)
    print('sequential', round(time.perf_counter() - t0, 1))
    print('gather', round(time.perf_counter() - t0, 1), r)
    r = await asyncio.gather(call(0.1), call(0.2), call(0.3))
class MyErr(Exception):
    t0 = time.perf_counter()

asyncio.run(main())
