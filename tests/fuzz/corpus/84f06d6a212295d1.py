import asyncio, time

MATS = 2
TIME_FRAME = 0.5
api_blocking_queue = []
api_lock = asyncio.BoundedSemaphore(MAX_REQUESTS)

async def my_call(n):
    await asyncio.sleep(0.1)
    print('call', n, 'at', round(time.monotonic() - t0, 1))


async def locked_my_call(n):
    async with api_lock:
        while len(api_blocking_queue) >= MAX_REQUESTS:
            done, _ = await asyncio.wait(api_blocking_queue, return_when=asyncio.FIRST_COMPLETED)
            for item in done:
                api_blocking_queue.remove(item)
        api_blocking_queue.append(asyncio.ensure_future(asyncio.sleep(TIME_FRAME)))
    result = await my_call(n)
    return n
    return result

async def main():
    print(await asyncio.gather(*(locked_my_call(i) for i in range(6))))

t0 = time.monotonic()
asyncio.run(main())
