# title: A timed semaphore against a rate limit
# summary: The server allows 5 requests per second; without pacing half the burst gets 429, with it none.
# api: latency=fixed&latency_ms=50&capacity=0&rate_limit=5&rate_window_s=1
# explain: The practice API answers `429 Too Many Requests` past 5 requests in any 1-second window.
# explain: Firing 10 at once gets five 429s. `TimedSemaphore(5, 1.0)` lets at most 5 requests
# explain: start in any second: each permit is handed back one second after it was taken.
import asyncio
import time
import aiohttp

API_URL = "/api"


class TimedSemaphore:
    """At most `count` acquisitions in any `period` seconds."""

    def __init__(self, count, period):
        self._sem = asyncio.Semaphore(count)
        self._period = period

    async def __aenter__(self):
        await self._sem.acquire()
        asyncio.get_running_loop().call_later(self._period, self._sem.release)

    async def __aexit__(self, *exc):
        return None


async def fetch(session, i, limiter=None):
    if limiter:
        async with limiter:
            async with session.get(f"{API_URL}/videos/river?i={i}") as r:
                return r.status
    async with session.get(f"{API_URL}/videos/river?i={i}") as r:
        return r.status


async def main():
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch(session, i) for i in range(10)))
        print("all at once:", statuses.count(200), "ok,", statuses.count(429), "rate-limited")
        await asyncio.sleep(1)
        limiter = TimedSemaphore(5, 1.0)
        start = time.perf_counter()
        statuses = await asyncio.gather(*(fetch(session, i, limiter) for i in range(10)))
        print("paced:", statuses.count(200), "ok,", statuses.count(429), "rate-limited,",
              f"{time.perf_counter() - start:.2f} s")


asyncio.run(main())
