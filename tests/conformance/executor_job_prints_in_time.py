import asyncio, time

def slow_function(duration):
    time.sleep(duration)
    print('slow task complete', round(time.monotonic() - t0, 1))
    return duration

async def small_task(n):
    for i in range(n):
        print('small task', i, round(time.monotonic() - t0, 1))
        await asyncio.sleep(0.1)

async def main():
    loop = asyncio.get_running_loop()
    job = loop.run_in_executor(None, slow_function, 0.27)
    await small_task(4)
    print('job result', await job)
    print(await loop.run_in_executor(None, time.sleep, 0.1), round(time.monotonic() - t0, 1))
    print(await asyncio.to_thread(sum, [1, 2, 3]))

t0 = time.monotonic()
asyncio.run(main())
