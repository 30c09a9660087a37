# title: Kittens under a timed rate limit (the seed's version, and a fix)
# summary: The talk's limiter lets two waiters remove the same timer: ValueError. A lock fixes it.
# api: latency=fixed&latency_ms=100&capacity=0&rate_limit=2&rate_window_s=0.5
# explain: At most 2 requests per 0.5 s: each call waits while 2 timers are running, then starts
# explain: a 0.5 s timer. In the talk's version a BoundedSemaphore(2) lets two callers wait on the
# explain: same timers; both see the same one finish and both remove it, so the second fails with
# explain: `ValueError: list.remove(x): x not in list` (CPython too). With a Lock only one caller
# explain: waits at a time, and the practice API's rate limit is never hit.
import asyncio
import time
import aiohttp

MAX_REQUESTS = 2
TIME_FRAME = .5


def make_limiter(lock):
    api_blocking_queue = []

    async def locked_my_call(session, n):
        async with lock:
            while len(api_blocking_queue) >= MAX_REQUESTS:
                done, _ = await asyncio.wait(api_blocking_queue, return_when=asyncio.FIRST_COMPLETED)
                for item in done:
                    api_blocking_queue.remove(item)
            api_blocking_queue.append(asyncio.ensure_future(asyncio.sleep(TIME_FRAME)))
        return await get_kitten(session, n)

    return locked_my_call


async def get_kitten(session, n):
    async with session.get(f"/api/kittens/{n}") as img:
        img.raise_for_status()
        return len(await img.read())


async def fetch_kittens(lock):
    call = make_limiter(lock)
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        sizes = await asyncio.gather(*(call(session, n) for n in range(1, 7)))
    print(f"{len(sizes)} kittens in {time.perf_counter() - start:.1f} s, none rate-limited")


async def main():
    try:
        await fetch_kittens(asyncio.BoundedSemaphore(MAX_REQUESTS))
    except ValueError as e:
        print("the talk's version fails:", e)
    await asyncio.sleep(1)
    await fetch_kittens(asyncio.Lock())


asyncio.run(main())
