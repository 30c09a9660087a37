import asyncio

async def worker(n):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('worker', n, 'cancelled')
        raise

async def main():
    g = asyncio.gather(worker(1), worker(2))
    await asyncio.sleep(0.1)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print('gather cancelled')

asyncio.run(main())
