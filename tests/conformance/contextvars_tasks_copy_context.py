# asyncio tasks copy the current context when they are created: a value set in main before
# create_task is seen by the task, a value set after is not; what a task sets stays in the task.
import asyncio
import contextvars

request = contextvars.ContextVar('request', default='none')

async def child(name, delay):
    print(f'{name} starts, sees {request.get()}')
    await asyncio.sleep(delay)
    print(f'{name} after sleep still sees {request.get()}')
    request.set(f'set-by-{name}')
    await asyncio.sleep(0.01)
    print(f'{name} now sees {request.get()}')
    return request.get()

async def main():
    print('main starts with', request.get())
    request.set('A')
    t1 = asyncio.create_task(child('t1', 0.01))
    request.set('B')
    t2 = asyncio.create_task(child('t2', 0.05))
    request.set('C')
    print('main set C before any task ran')
    results = await asyncio.gather(t1, t2)
    print('tasks returned', results)
    print('main still sees', request.get())

    # A plain await of a coroutine runs in main's own context: its set() is visible afterwards.
    async def direct():
        request.set('set-by-direct-await')
    await direct()
    print('after direct await main sees', request.get())

    # Each task's context is a copy: changes in main after creation are invisible to the task.
    seen = []
    async def watcher():
        await asyncio.sleep(0.01)
        seen.append(request.get())
    t3 = asyncio.create_task(watcher())
    request.set('changed-after-create')
    await t3
    print('watcher saw', seen, '| main has', request.get())

    # The task's own context object is reachable from the task.
    t4 = asyncio.create_task(child('t4', 0))
    await t4
    print('t4 context holds', t4.get_context()[request])

asyncio.run(main())
print('outside asyncio.run:', request.get())
