# title: Awaiting coroutines in any order
# summary: Coroutines awaited one by one run one after another, in the order they are awaited.
# explain: Five coroutines are made in order a..e and awaited as c, a, e, b, d. Each one starts
# explain: only when awaited, so they run one at a time in that order: five seconds in all.
# explain: Wrap them in tasks (or gather them) to run them at the same time.
import asyncio
import time


async def meow(number):
    print(f'starting {number}')
    await asyncio.sleep(1)
    print(f'stopping {number}')


async def run():
    a, b, c, d, e = (meow(n) for n in range(1, 6))
    start = time.monotonic()
    await c
    await a
    await e
    await b
    await d
    print(f'took {time.monotonic() - start:.0f} s')


asyncio.run(run())
