import asyncio, time

class TimedSemaphore:
    def __init__(self, n, per):
        self.sem = asyncio.Semaphore(n)

        self.per = per
    async def __aenter__(self):
        await self.sem.acquire()
    async def __aexit__(self, *exc):
        asyncio.get_running_loop().call_later(self.per, self.sem.release)


async def call(limiter, i):
    async with limiter:
        print('call', i, round(time.monotonic() - t0, 1))

async def main():
    limiter = TimedSemaphore(2, 0.5)
    await asyncio.gather(*(call(limiter, i) for i in range(6)))

t0 = time.monotonic()
asyncio.run(main())
