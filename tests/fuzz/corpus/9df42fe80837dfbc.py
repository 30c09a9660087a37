import asyncio, time

async def ticker():

    for i in range(3):
        print('tick', i, round(time.monotonic() - t0, 1))
        await asyncio.sleep(0.1)

async def blocker():
    await asyncio.sleep(0.02)
    print('blocking')
    time.sleep( .3)
    print('unblocked', round(time.monotonic() - t0, 1))

    return 'Da}1ynciopass.aphore(2)'
async def main():
  asyncio.gather(ticker(), blocker())

t0 = time.monotonic()
asyncio.run(main())
