# title: A coroutine is lazy, a task is not
# summary: A coroutine starts only when awaited (A B C D); a task starts at the next chance (C A B D).
# explain: `speak()` only makes a coroutine: nothing runs until it is awaited, so A and B print
# explain: first. `asyncio.ensure_future` (or `create_task`) schedules it as a task at once, so it
# explain: runs as soon as `run` gives the loop a turn with `await asyncio.sleep(1)`.
# inspect: 12 | C prints: the task ensure_future made was already in the ready queue, so it ran as soon as eager() awaited
import asyncio


async def speak():
    print('C')
    await asyncio.sleep(3)
    return 'D'


async def lazy():
    will_speak = speak()
    await asyncio.sleep(1)
    print('A')
    print('B')
    print(await will_speak)


async def eager():
    will_speak = asyncio.ensure_future(speak())
    await asyncio.sleep(1)
    print('A')
    print('B')
    print(await will_speak)


asyncio.run(lazy())
print('---')
asyncio.run(eager())
