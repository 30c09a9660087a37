# sys._getframe() and inspect: names, line numbers and callers, in plain functions and coroutines.
import asyncio
import inspect
import itertools
import sys

HERE = sys._getframe().f_code.co_filename  # this program's own file name


def chain(frame):
    """The callers of `frame` inside this program, innermost first."""
    out = []
    while frame is not None and frame.f_code.co_filename == HERE:
        out.append(f"{frame.f_code.co_name}:{frame.f_lineno}")
        frame = frame.f_back
    return out


def whoami():
    f = sys._getframe()
    print("me:", f.f_code.co_name, f.f_lineno, "caller:", f.f_back.f_code.co_name, f.f_back.f_lineno)
    print("getframe(1):", sys._getframe(1).f_code.co_name, "module:", f.f_globals["__name__"])
    return chain(f)


def outer(a, b=2):
    total = a + b
    print("locals:", sys._getframe().f_locals)
    return whoami()


print("module frame:", sys._getframe().f_code.co_name, sys._getframe().f_lineno)
print("module f_back is None:", sys._getframe().f_back is None)
print("chain:", outer(1))
print("inspect.currentframe:", inspect.currentframe().f_code.co_name, inspect.currentframe().f_lineno)


def report():
    stack = list(itertools.takewhile(lambda fi: fi.filename == HERE, inspect.stack()))
    print("stack[0].function:", inspect.stack()[0].function, inspect.stack()[0].lineno)
    print("stack:", [(fi.function, fi.lineno, fi.code_context[0].strip()) for fi in stack])
    print("caller name:", inspect.stack()[1].function)


report()


async def leaf(tag):
    await asyncio.sleep(0)
    print(tag, "leaf chain:", chain(sys._getframe()))
    report()


async def middle(tag):
    await leaf(tag)


def on_callback():
    print("callback chain:", chain(sys._getframe()))


async def main():
    print("main chain:", chain(sys._getframe()), "code:", sys._getframe().f_code.co_name)
    await middle("direct")
    await asyncio.gather(middle("gathered"), asyncio.create_task(leaf("task")))
    asyncio.get_running_loop().call_soon(on_callback)
    await asyncio.sleep(0)
    print("qualname:", sys._getframe().f_code.co_qualname, whoami())


asyncio.run(main())
