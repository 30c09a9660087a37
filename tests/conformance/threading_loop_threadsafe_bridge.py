# Bridging threads and the event loop: a worker thread hands results back with
# loop.call_soon_threadsafe, submits a coroutine with asyncio.run_coroutine_threadsafe (and waits
# on the concurrent Future it returns), and asyncio.wrap_future awaits a ThreadPoolExecutor future.
import asyncio
import concurrent.futures
import threading

async def add_async(a, b):
    await asyncio.sleep(0.01)
    return a + b

async def fail_async():
    await asyncio.sleep(0)
    raise LookupError('no such key')

def worker(loop, done_event, results):
    for i in range(3):
        loop.call_soon_threadsafe(results.append, f'item {i}')
    cf_future = asyncio.run_coroutine_threadsafe(add_async(20, 22), loop)
    print('worker got a concurrent.futures.Future:', isinstance(cf_future, concurrent.futures.Future))
    print('worker waited for coroutine result:', cf_future.result(timeout=5))
    failing = asyncio.run_coroutine_threadsafe(fail_async(), loop)
    try:
        failing.result(timeout=5)
    except LookupError as e:
        print('worker saw coroutine error:', repr(e))
    loop.call_soon_threadsafe(done_event.set)
    return 'worker finished'

async def main():
    loop = asyncio.get_running_loop()
    done = asyncio.Event()
    results = []
    thread_future = loop.run_in_executor(None, worker, loop, done, results)
    await done.wait()
    print('loop received:', results)
    print(await thread_future)

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        cf_future = pool.submit(pow, 2, 10)
        wrapped = asyncio.wrap_future(cf_future)
        print('wrap_future gives asyncio Future:', isinstance(wrapped, asyncio.Future))
        print('awaited:', await wrapped)

    # A plain thread that signals back with call_soon_threadsafe on a loop future.
    fut = loop.create_future()
    t = threading.Thread(target=lambda: loop.call_soon_threadsafe(fut.set_result, 'from thread'))
    t.start()
    print('future result:', await fut)
    t.join()

asyncio.run(main())
