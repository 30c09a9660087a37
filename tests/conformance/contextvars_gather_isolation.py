# asyncio.gather wraps each coroutine in its own task, so each child gets its own copy of the
# context: children do not see each other's values, and main sees none of them. A mutable
# object stored in a ContextVar is shared, though (the copy is shallow).
import asyncio
import contextvars

counter = contextvars.ContextVar('counter', default=0)
trail = contextvars.ContextVar('trail')

async def bump(name, times, pause):
    for _ in range(times):
        counter.set(counter.get() + 1)
        await asyncio.sleep(pause)
    trail.get().append(name)
    return f'{name}:{counter.get()}'

async def nested(name):
    # A child that itself gathers grandchildren: they inherit the child's value.
    counter.set(100)
    inner = await asyncio.gather(bump(name + '.a', 1, 0.01), bump(name + '.b', 2, 0.01))
    return inner, counter.get()

async def main():
    counter.set(10)
    trail.set([])
    results = await asyncio.gather(
        bump('x', 1, 0.02),
        bump('y', 3, 0.01),
        bump('z', 0, 0),
    )
    print('gather results:', results)
    print('main counter untouched:', counter.get())
    print('shared list saw every child:', sorted(trail.get()))

    print('nested:', await nested('n'))
    print('after awaiting nested() directly, main has:', counter.get())

    task_results = await asyncio.gather(asyncio.create_task(nested('t')), nested('u'))
    print('nested in tasks:', task_results)
    print('main counter now:', counter.get())

asyncio.run(main())
