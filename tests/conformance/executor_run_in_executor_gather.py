# Offloading blocking functions: loop.run_in_executor(None, fn, *args) on the default executor,
# an explicit ThreadPoolExecutor in a `with` block, asyncio.to_thread with keyword arguments;
# gather returns results in argument order whatever order the threads finish in.
import asyncio
import concurrent.futures
import functools
import time

def blocking_square(n, delay):
    time.sleep(delay)
    return n * n

def describe(name, *, greeting='hello', punct='!'):
    return f'{greeting}, {name}{punct}'

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, blocking_square, 7, 0.01)
    print('run_in_executor returns an asyncio Future:', isinstance(fut, asyncio.Future))
    print('result:', await fut)

    # Later arguments finish first, but gather keeps argument order.
    squares = await asyncio.gather(*(loop.run_in_executor(None, blocking_square, n, 0.1 * (4 - n))
                                     for n in range(4)))
    print('default executor, gathered:', squares)

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futs = [loop.run_in_executor(pool, blocking_square, n, 0.01) for n in range(5, 10)]
        print('explicit pool, gathered:', await asyncio.gather(*futs))
        # run_in_executor takes no keyword arguments: use functools.partial.
        call = functools.partial(describe, 'pool', greeting='hi')
        print(await loop.run_in_executor(pool, call))

    print(await asyncio.to_thread(describe, 'to_thread', punct='?'))
    print(await asyncio.gather(asyncio.to_thread(blocking_square, 3, 0.05),
                               asyncio.to_thread(describe, 'gathered')))

    try:
        await loop.run_in_executor(None, functools.partial(describe, 'x', colour='red'))
    except TypeError as e:
        print('TypeError from the worker:', e)

    try:
        await loop.run_in_executor(None, blocking_square, 2)
    except TypeError as e:
        print('missing argument:', e)

asyncio.run(main())
