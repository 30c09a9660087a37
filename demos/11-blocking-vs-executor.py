# title: Blocking the loop vs an executor
# summary: time.sleep freezes every task; run_in_executor moves the blocking call off the loop.
# explain: A ticker prints every 0.2 s. Calling `time.sleep(1)` inside a coroutine blocks the loop:
# explain: the ticker stops (the timeline shades the blocked second). The same call through
# explain: `loop.run_in_executor` runs in a worker thread, and the ticker keeps going.
# inspect: 3 | after the blocked second: the ticker's timer is late, and fires together with gather's callback
import asyncio
import time


async def ticker(label, count):
    start = time.monotonic()
    for _ in range(count):
        await asyncio.sleep(0.2)
        print(label, f"tick at {time.monotonic() - start:.1f} s")


async def blocking_in_the_loop():
    time.sleep(1)


async def blocking_in_an_executor():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 1)


async def main():
    await asyncio.gather(ticker("blocked:", 3), blocking_in_the_loop())
    await asyncio.gather(ticker("executor:", 3), blocking_in_an_executor())


asyncio.run(main())
