# title: Producer and consumers with a Queue
# summary: A bounded queue makes a fast producer wait for slower consumers.
# explain: The producer puts 8 jobs into a `Queue(2)`: when it is full, `put` waits. Two consumers
# explain: take jobs and work 0.3 s on each. `queue.join()` waits until every job is marked done.
import asyncio
import time


async def producer(queue):
    for job in range(8):
        await queue.put(job)
        print(f"put job {job}")


async def consumer(name, queue):
    while True:
        job = await queue.get()
        await asyncio.sleep(0.3)
        print(f"{name} did job {job}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(2)
    start = time.monotonic()
    workers = [asyncio.create_task(consumer(f"worker {i}", queue)) for i in (1, 2)]
    await producer(queue)
    await queue.join()
    for w in workers:
        w.cancel()
    print(f"all done in {time.monotonic() - start:.1f} s")


asyncio.run(main())
