# queue.Queue between the event loop and executor threads (asyncio.to_thread): a blocking consumer
# thread fed by a coroutine, a producer thread drained with get(timeout=...), join() waiting for
# task_done(), a SimpleQueue read by the loop's thread itself, and a timeout that expires.
import asyncio
import queue
import time

def consumer(q, name):
    got = []
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        got.append(item * 10)
        time.sleep(0.005)
        q.task_done()
    return name, got

def producer(q, n, pause):
    for i in range(n):
        time.sleep(pause)
        q.put(f'item-{i}')
    return f'produced {n}'

def elapsed():
    # Seconds since the phase began (each phase restarts the clock: no drift adds up).
    return round(time.monotonic() - t0, 1)

def restart():
    global t0
    t0 = time.monotonic()

async def main():
    q = queue.Queue()
    worker = asyncio.create_task(asyncio.to_thread(consumer, q, 'c1'))
    for i in range(3):
        await asyncio.sleep(0.1)
        q.put(i)
        print('put', i, 'at', elapsed())
    q.put(None)
    await asyncio.to_thread(q.join)
    print('joined at', elapsed(), 'unfinished', q.unfinished_tasks)
    print(await worker, 'at', elapsed())

    restart()
    bounded = queue.Queue(maxsize=1)
    prod = asyncio.create_task(asyncio.to_thread(producer, bounded, 3, 0.1))
    await asyncio.sleep(0)
    items = [await asyncio.to_thread(bounded.get, timeout=1) for _ in range(3)]
    print(items, await prod, 'at', elapsed())
    restart()
    try:
        await asyncio.to_thread(bounded.get, timeout=0.3)
    except queue.Empty:
        print('nothing more: Empty at', elapsed())

    restart()
    sq = queue.SimpleQueue()
    prod = asyncio.create_task(asyncio.to_thread(producer, sq, 2, 0.2))
    await asyncio.sleep(0)
    print('blocking the loop for', sq.get(), 'then', sq.get(timeout=1), 'at', elapsed())
    print(await prod)

t0 = time.monotonic()
asyncio.run(main())
