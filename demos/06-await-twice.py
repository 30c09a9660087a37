# title: Awaiting a task twice, a coroutine twice
# summary: A task keeps its result and can be awaited again; a coroutine can be awaited only once.
# explain: A task is a future: once done, every `await` gives its result. A coroutine object is a
# explain: one-shot generator: awaiting it a second time raises RuntimeError.
import asyncio


async def compute():
    await asyncio.sleep(0.1)
    return 42


async def main():
    task = asyncio.create_task(compute())
    print('task:', await task, await task)
    coro = compute()
    print('coroutine:', await coro)
    try:
        await coro
    except RuntimeError as e:
        print('RuntimeError:', e)


asyncio.run(main())
