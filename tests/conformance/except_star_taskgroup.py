# TaskGroup failures handled by type with except*, as the asyncio docs show.
import asyncio

async def fail(n, t):
    await asyncio.sleep(t)
    if n % 2:
        raise ValueError(f'odd {n}')
    raise TypeError(f'even {n}')

async def ok(n):
    await asyncio.sleep(0.5)
    return n

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            survivor = tg.create_task(ok(9))
            for n in range(4):
                tg.create_task(fail(n, n / 10))
    except* ValueError as eg:
        for e in eg.exceptions:
            print('value:', e)
    except* TypeError as eg:
        print('types:', [str(e) for e in eg.exceptions], type(eg).__name__, eg.message)
    print('survivor cancelled:', survivor.cancelled())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1, 0))
    except* KeyError:
        print('never')
    except* ValueError as eg:
        print('only', repr(eg.exceptions[0]))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(2, 0))
        tg.create_task(fail(3, 0.01))

asyncio.run(main())
