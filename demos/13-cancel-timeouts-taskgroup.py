# title: Cancellation, timeouts and TaskGroup
# summary: wait_for and asyncio.timeout cancel what runs too long; a TaskGroup cancels siblings on failure.
# explain: `wait_for` cancels the slow coroutine after its timeout and raises TimeoutError.
# explain: `async with asyncio.timeout(...)` does the same for a whole block. In a `TaskGroup`,
# explain: one failing task cancels the others, and the failure comes out as an ExceptionGroup.
# inspect: 9 | the TaskGroup's done-callback sees fails() failed, and cancels its sibling
import asyncio


async def slow(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, 'finished')
        return name
    except asyncio.CancelledError:
        print(name, 'was cancelled')
        raise


async def fails():
    await asyncio.sleep(0.2)
    raise ValueError('something broke')


async def main():
    try:
        await asyncio.wait_for(slow('wait_for', 1), timeout=0.5)
    except TimeoutError:
        print('wait_for gave up after 0.5 s')
    try:
        async with asyncio.timeout(0.3):
            await slow('timeout block', 1)
    except TimeoutError:
        print('the timeout block gave up after 0.3 s')
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(slow('sibling', 1))
            group.create_task(fails())
    except ExceptionGroup as eg:
        print('TaskGroup failed with', [type(e).__name__ for e in eg.exceptions])


asyncio.run(main())
