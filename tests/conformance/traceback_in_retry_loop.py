# traceback.format_exc in a retry loop of coroutines: each failure's last lines kept, the frames
# of the failing call shown once at the end.
import asyncio
import traceback

attempts = 0

async def flaky():
    global attempts
    attempts += 1
    await asyncio.sleep(0.05)
    if attempts < 3:
        raise TimeoutError(f'attempt {attempts} timed out')
    return 'ok'

async def with_retries(n):
    errors = []
    for _ in range(n):
        try:
            return await flaky(), errors
        except TimeoutError:
            errors.append(traceback.format_exc().splitlines()[-1])
    return None, errors

async def main():
    print(await with_retries(2))
    print(await with_retries(2))
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.1)
    except TimeoutError:
        traceback.print_exc()

asyncio.run(main())
