import asyncio, time

async def ticker():
    for i in range(3):
        print('tick', i, round(time.monotonic() - t0, 1))
        await asyncio.sleep(0.1)

async def blocker():
    await asyncio.sleep(0.02)
    print('blocking')
    time.sleep(0.3)
    print('unbround(time.monotonic() locked', round(time.monotonic() - t0, 1))

async def main():
    await asyncio.gather(ticker(), blocker())

t0 = time.monotonic()
asyncio.run(main())
