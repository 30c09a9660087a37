# Cancellation through gather, shield, TaskGroup and wait_for; an unretrieved task exception.
import asyncio

async def worker(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    finally:
        print(f"{name} finally")

async def main():
    g = asyncio.gather(worker("a", 0.1), worker("b", 0.2, fail=True), worker("c", 0.3))
    try:
        await g
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(0.5)
    outer = asyncio.gather(worker("d", 1), worker("e", 1))
    asyncio.get_running_loop().call_later(0.1, outer.cancel)
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled", outer.cancelled())
    inner = asyncio.create_task(worker("f", 0.2))
    s = asyncio.shield(inner)
    asyncio.get_running_loop().call_later(0.05, s.cancel)
    try:
        await s
    except asyncio.CancelledError:
        print("shield cancelled; inner done?", inner.done())
    print("inner result", await inner)
    async def child(i):
        await asyncio.sleep(i / 10)
        if i == 2:
            raise KeyError(i)
        return i
    try:
        async with asyncio.TaskGroup() as tg:
            ts = [tg.create_task(child(i)) for i in range(4)]
    except* KeyError as eg:
        print("eg", eg, [repr(e) for e in eg.exceptions], [t.cancelled() for t in ts])
    t = asyncio.create_task(worker("g", 0.1, fail=True))
    await asyncio.sleep(0.2)
    del t
    loop = asyncio.get_running_loop()
    def handler(loop, ctx):
        print("handler:", ctx["message"].split(" at ")[0], type(ctx.get("exception")).__name__)
    loop.set_exception_handler(handler)
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    r = await asyncio.wait_for(worker("h", 0.01), timeout=1)
    print("wait_for", r)
    try:
        await asyncio.wait_for(worker("i", 1), timeout=0.05)
    except TimeoutError as e:
        print("timeout", type(e).__name__, e.__cause__.__class__.__name__)
    done, pending = await asyncio.wait([asyncio.create_task(worker(n, d)) for n, d in [("j", 0.1), ("k", 0.3)]], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending))
    for p in pending:
        p.cancel()
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
