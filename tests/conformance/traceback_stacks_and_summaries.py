# traceback's stack functions and summaries, inspect's frame helpers, frames through __init__ and sort keys.
import asyncio
import inspect
import sys
import traceback


def where():
    for fs in traceback.extract_stack()[-3:]:
        print("  stack:", fs.name, fs.lineno, fs.line)


def report_stack():
    traceback.print_stack(limit=2)  # holds file names: goes to stderr
    print("format_stack parts:", len(traceback.format_stack(limit=3)))
    print("walk_stack:", [(f.f_code.co_name, n) for f, n in traceback.walk_stack(sys._getframe())][:3])


class Widget:
    def __init__(self, name):
        self.name = name
        caller = sys._getframe(1)
        print("Widget made by", caller.f_code.co_name, "at line", caller.f_lineno)
        where()


def build():
    return Widget("knob")


def key_of(x):
    print("  key called from", sys._getframe(1).f_code.co_name)
    return -x


build()
report_stack()
print("sorted:", sorted([1, 3, 2], key=key_of))

f1 = sys._getframe()
f2 = sys._getframe()
print("same frame object:", f1 is f2, f1.f_back is None)


def counter():
    n = 1
    frame = sys._getframe()
    print("locals before:", {k: v for k, v in frame.f_locals.items() if k != "frame"})
    n += 41
    label = "done"
    print("locals after:", {k: v for k, v in frame.f_locals.items() if k != "frame"}, frame.f_lineno)
    return frame


finished = counter()
print("finished frame:", finished.f_code.co_name, finished.f_locals["n"])


def inner():
    raise LookupError("deep")


def middle():
    try:
        inner()
    except LookupError as e:
        print("inside middle:", [f.f_code.co_name for f, _ in traceback.walk_tb(e.__traceback__)])
        first_tb = e.__traceback__
        print("exc_info from a helper:", helper_exc_info())
        raise


def helper_exc_info():
    kind, value, tb = sys.exc_info()
    return kind.__name__, str(value), sys.exception() is value


try:
    middle()
except LookupError as e:
    names = [fs.name for fs in traceback.extract_tb(e.__traceback__)]
    print("outer names:", names)
    tb = e.__traceback__
    print("tb frames:", [(t[0].f_code.co_name, t[1]) for t in traceback.walk_tb(tb)])
    info = inspect.trace()
    print("inspect.trace:", [(fi.function, fi.lineno, fi.code_context[0].strip()) for fi in info])
    te = traceback.TracebackException.from_exception(e)
    print("TracebackException:", te.exc_type.__name__, str(te), len(te.stack), te.stack[-1].name)
    print("te lines:", len(list(te.format())), "".join(te.format_exception_only()), end="")
    print("limit=1 parts:", len(traceback.format_exception(e, limit=1)))
    print("limit=-1 first frame:", traceback.format_exception(e, limit=-1)[1].split(",")[1])
    traceback.print_exception(e, limit=2, file=sys.stderr)
    traceback.print_tb(e.__traceback__, limit=1)
    e.__traceback__ = None
    print("cleared:", e.__traceback__, traceback.format_exception(e))

print("format_list:", traceback.format_list([("x.py", 3, "f", "return 1")]))
print("frameinfo:", inspect.getframeinfo(sys._getframe()).lineno, inspect.getframeinfo(sys._getframe()).function)
print("outer frames:", [fi.function for fi in inspect.getouterframes(sys._getframe())])


async def leaf():
    await asyncio.sleep(0)
    # Only the coroutines' frames: CPython's asyncio frames (and <module> under them) lie under a task's
    # coroutine; Awaitlab's loop is native, so its chain ends at the task's coroutine.
    print("coroutine stack:", [fs.name for fs in traceback.extract_stack()
                               if fs.filename == __file__ and fs.name != "<module>"])
    try:
        1 / 0
    except ZeroDivisionError:
        print("format_exc in a coroutine:", traceback.format_exc().splitlines()[-1])
        traceback.print_exc()


async def main():
    await leaf()
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.01)
    except TimeoutError as e:
        print("timeout tb names:", [fs.name for fs in traceback.extract_tb(e.__traceback__) if fs.filename == __file__])


asyncio.run(main())
