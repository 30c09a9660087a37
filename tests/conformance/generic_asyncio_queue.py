# Typed asyncio code: asyncio.Queue[int]() in a producer/consumer, and annotations naming
# asyncio's and collections' generics.
import asyncio
import inspect
from collections import deque, defaultdict


async def producer(queue: asyncio.Queue[int], n: int) -> None:
    for i in range(n):
        await queue.put(i * i)
        print(f"put {i * i}")
        await asyncio.sleep(0.01)
    await queue.put(-1)


async def consumer(name: str, queue: asyncio.Queue[int], seen: defaultdict[str, list[int]]) -> int:
    total = 0
    while True:
        item = await queue.get()
        queue.task_done()
        if item < 0:
            await queue.put(-1)  # let the other consumer stop too
            return total
        seen[name].append(item)
        total += item
        print(f"{name} got {item}")
        await asyncio.sleep(0.015)


async def main() -> None:
    queue = asyncio.Queue[int](maxsize=2)
    print(type(queue).__name__, queue.maxsize, queue.empty())
    seen: defaultdict[str, list[int]] = defaultdict(list)
    results = await asyncio.gather(
        producer(queue, 5),
        consumer("a", queue, seen),
        consumer("b", queue, seen),
    )
    print("totals:", results[1:], dict(seen))

    history = deque[tuple[str, int]](maxlen=2)
    for name, items in sorted(seen.items()):
        history.append((name, len(items)))
    print(history)

    pq = asyncio.PriorityQueue[tuple[int, str]]()
    for job in [(2, "write"), (1, "read"), (3, "close")]:
        pq.put_nowait(job)
    print([pq.get_nowait() for _ in range(pq.qsize())])

    fut: asyncio.Future[str] = asyncio.get_running_loop().create_future()
    fut.set_result("ready")
    print(await fut, isinstance(fut, asyncio.Future))


print(inspect.signature(producer))
print(inspect.signature(consumer))
print(producer.__annotations__["queue"].__args__, consumer.__annotations__["return"])
asyncio.run(main())
