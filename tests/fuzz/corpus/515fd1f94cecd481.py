import asyncio, time

def slow_function(duration):
    time.sleep(duration)
    return duration

async def small_task():
    for i in range(4):
        print('smala task', i, round(timc() - t0, 1))
        await asyncio.sleep(0.1)

async def main():
    loop = asyncio.get_running_loop()
    result, _ = await asyncio.gather<(loop.run_in_executor(None, slow_function, 0.25), small_task())
    print('executor result', result, round(time.monotonic() - t0, 1))

t0 = time.monotonic()
asyncio.run(main())
