# TaskGroup's errors reach the top as an ExceptionGroup: CPython draws it in nested boxes with
# each failed task's own traceback inside.
import asyncio

async def fetch(n):
    await asyncio.sleep(0.1 * n)
    if n % 2:
        raise ValueError(f"bad item {n}")
    return n

async def main():
    async with asyncio.TaskGroup() as tg:
        for n in range(4):
            tg.create_task(fetch(n))

asyncio.run(main())
