# How tasks, futures and queues print: what a task waits for, results shortened as reprlib does.
import asyncio


def show(x):
    # CPython names the file by its full path.
    print(str(x).replace(__file__, 'async_reprs.py'))

async def job(x, t):
    await asyncio.sleep(t)
    return x

async def main():
    q = asyncio.Queue(maxsize=3)
    q.put_nowait(1)
    print(str(q))
    pq = asyncio.PriorityQueue()
    pq.put_nowait((2, 'b'))
    pq.put_nowait((1, 'a'))
    print(str(pq))
    specs = [('a' * 40, 0.1), (list(range(20)), 0.2), ({'k': 1, 'j': 2, 'a': 3, 'b': 4, 'c': 5}, 0.05), (10**50, 0.01), ((1,), 0.02)]
    tasks = [asyncio.create_task(job(v, t)) for v, t in specs]
    show(tasks[0])
    await asyncio.sleep(0)
    show(tasks[0])
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    for t in tasks:
        show(t)
    await asyncio.gather(*pending)
    g = asyncio.gather(job(1, 0.1), job(2, 0.1))
    print(g)
    await g
    print(g)
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(print)
    print(f)
    f.set_exception(KeyError('x'))
    print(f)
    await asyncio.sleep(0)
    try:
        f.result()
    except KeyError:
        pass
    c = asyncio.create_task(job(0, 5))
    await asyncio.sleep(0)
    c.cancel()
    show(c)
    await asyncio.gather(c, return_exceptions=True)
    show(c)

asyncio.run(main())
