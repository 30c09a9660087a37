# Async generators: athrow() raises at the yield, aclose() runs the finally blocks, and
# @asynccontextmanager throws the body's exception into the generator (its finally runs, and
# an except in it can swallow the error).
import asyncio
from contextlib import asynccontextmanager

async def numbers():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("generator caught", repr(e))
        yield 99
    finally:
        print("generator finally")

@asynccontextmanager
async def resource(name, swallow=False):
    print("open", name)
    try:
        yield name.upper()
    except ValueError as e:
        print("resource saw", e)
        if not swallow:
            raise
    finally:
        print("close", name)

async def stubborn():
    try:
        yield "first"
    except GeneratorExit:
        print("ignoring GeneratorExit")
    yield "still here"

async def main():
    gen = numbers()
    print(await gen.__anext__())
    print(await gen.athrow(KeyError("k")))
    try:
        await gen.athrow(ValueError("v"))
    except ValueError as e:
        print("propagated", e)
    print(await gen.aclose())

    gen = numbers()
    print(await gen.aclose(), "(never started)")
    try:
        await numbers().athrow(TypeError("at start"))
    except TypeError as e:
        print("unstarted athrow:", e)

    gen = numbers()
    async for n in gen:
        print("got", n)
        break
    await gen.aclose()

    async with resource("db") as r:
        print("using", r)
    try:
        async with resource("file"):
            raise ValueError("body failed")
    except ValueError as e:
        print("caught", e)
    async with resource("quiet", swallow=True):
        raise ValueError("swallowed")
    print("after swallow")

    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
