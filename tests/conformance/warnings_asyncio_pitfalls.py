# Warnings learners meet in asyncio code: a coroutine never awaited, get_event_loop() with no loop,
# stacklevel=2 from an awaited coroutine, and logging.captureWarnings.
import asyncio
import logging
import sys
import warnings


async def meow(n):
    print("meow", n)
    return n


async def old_fetch():
    warnings.warn("old_fetch() is deprecated", DeprecationWarning, stacklevel=2)
    return "data"


async def main():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        meow(1)
        pending = meow(2)
        print("coroutine created, not run yet")
        del pending
        print("got", await meow(3))
    for w in caught:
        print("recorded:", w.category.__name__, w.lineno, str(w.message), type(w.source).__name__)
    print("inside a coroutine:", asyncio.get_event_loop() is asyncio.get_running_loop())
    print("fetched", await old_fetch())
    print("fetched", await old_fetch())
    meow(4)
    print("main done")


loop = asyncio.get_event_loop()
print("old style result:", loop.run_until_complete(meow(0)))
loop.close()
asyncio.set_event_loop(None)
asyncio.run(main())

handler = logging.StreamHandler(sys.stderr)
handler.setFormatter(logging.Formatter("LOGGED %(name)s %(levelname)s: %(message)s"))
logging.getLogger("py.warnings").addHandler(handler)
logging.captureWarnings(True)
warnings.warn("routed through logging")
logging.captureWarnings(False)
warnings.warn("back to plain stderr")
print("end")
