# title: gather, as_completed and wait
# summary: gather keeps argument order, as_completed yields in completion order, wait can stop at the first.
# explain: The three workers finish in the order 2, 3, 1. `gather` still returns their results in
# explain: the order they were passed; `as_completed` hands each result over as soon as it is
# explain: ready; `wait(..., return_when=FIRST_COMPLETED)` returns as soon as one is done.
# inspect: 2 | gather wrapped each coroutine in a task: their first steps wait in the ready queue, in argument order
import asyncio


async def work(n, delay):
    await asyncio.sleep(delay)
    return n


async def main():
    print('gather:', await asyncio.gather(work(1, 0.3), work(2, 0.1), work(3, 0.2)))
    order = []
    for next_done in asyncio.as_completed([work(1, 0.3), work(2, 0.1), work(3, 0.2)]):
        order.append(await next_done)
    print('as_completed:', order)
    tasks = [asyncio.create_task(work(n, d)) for n, d in ((1, 0.3), (2, 0.1), (3, 0.2))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print('wait FIRST_COMPLETED:', [t.result() for t in done], 'pending:', len(pending))
    for t in pending:
        t.cancel()


asyncio.run(main())
