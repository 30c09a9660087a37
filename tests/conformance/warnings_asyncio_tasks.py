# Warnings raised inside coroutines, tasks and loop callbacks; showwarning and formatwarning.
import asyncio
import os
import warnings

shown = []


def my_showwarning(message, category, filename, lineno, file=None, line=None):
    shown.append(lineno)
    print(f"[showwarning] {os.path.basename(filename)}:{lineno} {category.__name__}: {message}")


async def fetch(n):
    await asyncio.sleep(0)
    if n % 2:
        warnings.warn(f"fetch({n}) used an odd id", RuntimeWarning)
    return n * 10


def on_tick(label):
    warnings.warn(f"callback {label} ran late")
    print("callback", label)


async def main():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results = await asyncio.gather(*(fetch(i) for i in range(4)))
        print("results", results)
    print("caught in gather:", [(w.lineno, str(w.message)) for w in caught])

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loop = asyncio.get_running_loop()
        loop.call_soon(on_tick, "A")
        loop.call_soon(on_tick, "B")
        await asyncio.sleep(0)
        task = asyncio.create_task(fetch(5))
        print("task result", await task)
    print("caught from callbacks:", [(w.category.__name__, w.lineno, str(w.message)) for w in caught])

    original = warnings.showwarning
    warnings.showwarning = my_showwarning
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            await fetch(3)
            asyncio.get_running_loop().call_soon(on_tick, "C")
            await asyncio.sleep(0)
            warnings.warn("from main itself", UserWarning)
    finally:
        warnings.showwarning = original
    print("showwarning saw lines", shown)

    text = warnings.formatwarning("disk almost full", UserWarning, "main.py", 12, "check_disk()")
    print(repr(text))
    text = warnings.formatwarning(RuntimeWarning("slow"), RuntimeWarning, "main.py", 3, "")
    print(repr(text))
    text = warnings.formatwarning("spaces", DeprecationWarning, "main.py", 4, "    indented(line)   ")
    print(repr(text))
    await fetch(7)
    print("main done")


asyncio.run(main())
print("after run")
