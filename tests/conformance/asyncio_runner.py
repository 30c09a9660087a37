# asyncio.Runner (3.11+): several run() calls on one loop (a task started by one run finishes in
# the next), get_loop(), run() results and exceptions, debug=, the errors (not a coroutine, a closed
# runner, a runner inside a running loop) and asyncio.run, which is a Runner, twice.
import asyncio

state = []

async def fetch(n):
    await asyncio.sleep(0.01 * n)
    state.append(n)
    return n * n

async def start_background():
    asyncio.get_running_loop().call_later(0.02, state.append, 'timer')
    return asyncio.create_task(fetch(5))

async def fail():
    await asyncio.sleep(0)
    raise KeyError('missing')

async def name():
    return asyncio.current_task().get_name()

with asyncio.Runner() as runner:
    print(runner.run(fetch(2)), runner.run(name()), runner.run(name()))
    loop = runner.get_loop()
    print(loop is runner.get_loop(), loop.is_running(), loop.is_closed())
    background = runner.run(start_background())
    print(background.done(), state)
    print(runner.run(fetch(7)), background.done(), background.result(), state)
    try:
        runner.run(fail())
    except KeyError as e:
        print('KeyError from run():', e)
    print(runner.run(asyncio.sleep(0, 'still usable')))
print('closed after with:', loop.is_closed())
coro = fetch(1)
try:
    runner.run(coro)
except RuntimeError as e:
    print('RuntimeError:', e)
    coro.close()

runner = asyncio.Runner(debug=False)
try:
    runner.run(fetch)
except ValueError as e:
    print('ValueError:', str(e).split(' at ')[0])
print(runner.run(fetch(3)))
runner.close()
runner.close()

async def inside():
    coro = fetch(1)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print('RuntimeError:', e)
        coro.close()
    print(await fetch(1))

asyncio.run(inside())
print(asyncio.run(fetch(4)), state[-2:])
print([n for n in ('Runner', 'Barrier', 'BrokenBarrierError', 'run') if n in dir(asyncio)])
with asyncio.Runner() as r:
    r.run(fail())
