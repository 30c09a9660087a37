# asyncio.Barrier (3.11+): workers meet at the barrier in rounds and leave together, wait() gives
# each a distinct index, async with, n_waiting/parties/broken and the repr's state; abort() and
# reset() break waiters with BrokenBarrierError; a timeout while waiting; an uncaught one at the end.
import asyncio

def shown(barrier):
    r = repr(barrier)  # CPython's repr names the object's address: left out here
    return r[:r.index(' at ')] + r[r.index(' ['):]

async def worker(name, barrier, delay, log):
    for round_no in range(2):
        await asyncio.sleep(delay)
        log.append(f'{name} arrives r{round_no} (waiting: {barrier.n_waiting})')
        index = await barrier.wait()
        log.append(f'{name} leaves r{round_no} index={index}')
    return name

async def main():
    barrier = asyncio.Barrier(3)
    print(shown(barrier), barrier.parties, barrier.n_waiting, barrier.broken)
    log = []
    names = await asyncio.gather(*(worker(n, barrier, d, log) for n, d in [('a', 0.03), ('b', 0.01), ('c', 0.02)]))
    print(names)
    print('\n'.join(log))
    print(shown(barrier))

    async def with_block(n):
        async with barrier as position:
            return n, position
    print(sorted(await asyncio.gather(*(with_block(n) for n in range(3)))))

    b2 = asyncio.Barrier(2)
    waiter = asyncio.create_task(b2.wait())
    await asyncio.sleep(0.01)
    print('waiting:', b2.n_waiting, shown(b2))
    await b2.abort()
    try:
        await waiter
    except asyncio.BrokenBarrierError as e:
        print('waiter:', type(e).__name__, e, b2.broken, shown(b2))
    try:
        await b2.wait()
    except asyncio.BrokenBarrierError as e:
        print('late arrival:', e)
    await b2.reset()
    print('after reset:', b2.broken, shown(b2))

    b3 = asyncio.Barrier(2)
    first = asyncio.create_task(b3.wait())
    await asyncio.sleep(0)
    await b3.reset()
    try:
        await first
    except asyncio.BrokenBarrierError as e:
        print('reset while waiting:', e)
    try:
        await asyncio.wait_for(b3.wait(), timeout=0.05)
    except TimeoutError:
        print('nobody came: TimeoutError, waiting now', b3.n_waiting)
    for bad in (0, -1):
        try:
            asyncio.Barrier(bad)
        except ValueError as e:
            print('ValueError:', e)
    print(issubclass(asyncio.BrokenBarrierError, RuntimeError))

asyncio.run(main())

async def broken():
    b = asyncio.Barrier(2)
    t = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    await b.abort()
    await t

asyncio.run(broken())
