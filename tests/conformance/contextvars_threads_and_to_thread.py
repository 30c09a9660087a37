# Context across threads: asyncio.to_thread copies the caller's context into the worker,
# loop.run_in_executor does not (the worker sees defaults), a new threading.Thread starts with an
# empty context, and ctx.run(fn) can carry a context into any thread by hand.
import asyncio
import contextvars
import threading

user = contextvars.ContextVar('user', default='nobody')

def whoami(label):
    return f'{label}: {user.get()}'

def set_in_worker(value):
    user.set(value)
    return f'worker set {user.get()}'

async def main():
    loop = asyncio.get_running_loop()
    user.set('alice')
    print(await asyncio.to_thread(whoami, 'to_thread'))
    print(await loop.run_in_executor(None, whoami, 'run_in_executor'))
    ctx = contextvars.copy_context()
    print(await loop.run_in_executor(None, ctx.run, whoami, 'run_in_executor + ctx.run'))

    print(await asyncio.to_thread(set_in_worker, 'mallory'))
    print('main after to_thread set:', user.get())

    results = []
    t = threading.Thread(target=lambda: results.append(whoami('plain Thread')))
    t.start()
    t.join()
    print(results[0])

    t = threading.Thread(target=lambda: results.append(ctx.run(whoami, 'Thread + ctx.run')))
    t.start()
    t.join()
    print(results[1])

    t = threading.Thread(target=ctx.run, args=(set_in_worker, 'bob'))
    t.start()
    t.join()
    print('ctx after a thread ran set in it:', ctx[user], '| main:', user.get())

    both = await asyncio.gather(
        asyncio.to_thread(whoami, 'gathered 1'),
        asyncio.to_thread(whoami, 'gathered 2'),
    )
    print(both)

asyncio.run(main())
print(whoami('module level after run'))
