# logging from asyncio tasks: %(taskName)s names the running task (None outside any), records from workers
# interleave as the tasks do, a LoggerAdapter per worker, logger.exception inside a task's except, and
# an error in a TaskGroup logged by the caller. Records go to stderr, basicConfig's default stream.
import asyncio
import logging

logging.basicConfig(
    level=logging.INFO,
    format="%(levelname)-7s %(taskName)-8s %(name)s: %(message)s",
)
log = logging.getLogger("pipeline")
log.setLevel(logging.DEBUG)  # root stays at INFO: asyncio's own DEBUG record is not shown
log.info("before the loop")


async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
        log.debug("put %d (size %d)", i, queue.qsize())
        await asyncio.sleep(0.01)
    await queue.put(None)
    log.info("producer done")


async def consumer(name, queue, results):
    worker = logging.LoggerAdapter(log.getChild("worker"), {"worker": name})
    while True:
        item = await queue.get()
        if item is None:
            await queue.put(None)
            worker.info("%s stops", name)
            return
        try:
            if item == 3:
                raise ValueError(f"bad item {item}")
            results.append(item * 10)
            worker.info("%s handled %d", name, item)
        except ValueError:
            worker.exception("%s failed on %d", name, item)
        await asyncio.sleep(0.015)


async def fails():
    await asyncio.sleep(0)
    raise KeyError("lost")


async def main():
    log.info("main starts in %s", asyncio.current_task().get_name())
    queue = asyncio.Queue(maxsize=2)
    results = []
    await asyncio.gather(
        asyncio.create_task(producer(queue, 5), name="producer"),
        asyncio.create_task(consumer("c1", queue, results), name="c1"),
        asyncio.create_task(consumer("c2", queue, results), name="c2"),
    )
    log.info("results %s", sorted(results))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails(), name="fails")
    except* KeyError as group:
        log.error("group of %d: %r", len(group.exceptions), group.exceptions[0])
    task = asyncio.create_task(asyncio.sleep(0, "slept"))
    log.warning("unnamed task gets %s", task.get_name().split("-")[0])
    print(await task)


asyncio.run(main(), debug=False)
log.info("after the loop")
