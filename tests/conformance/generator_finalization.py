# A generator freed while suspended in a try/with block is closed there and then: its finally
# runs where the last reference went away; an async generator's aclose() runs as a task.
import asyncio
from contextlib import contextmanager


@contextmanager
def opened(name):
    print("open", name)
    try:
        yield name
    finally:
        print("close", name)


def lines(name):
    with opened(name):
        for i in range(3):
            yield f"{name}:{i}"


def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("numbers cleaned up")


def stubborn_free():
    yield 1
    yield 2


for line in lines("a.txt"):
    print(line)
    break
print("after the loop")
print(list(zip(numbers(), "x")))
n = numbers()
next(n)
n = None
print("after rebinding")
s = stubborn_free()
next(s)
del s
print(next(numbers()))


def first_two():
    it = numbers()
    return next(it), next(it)


print(first_two())


async def ticks(name):
    try:
        for i in range(5):
            yield i
            await asyncio.sleep(0.01)
    finally:
        print("ticks closing", name)
        await asyncio.sleep(0.01)
        print("ticks closed", name)


async def other():
    print("other starts")
    await asyncio.sleep(0)
    print("other continues")


async def helper():
    t = ticks("helper")
    print("helper got", await t.__anext__())


async def main():
    async for i in ticks("loop"):
        if i == 1:
            break
    task = asyncio.create_task(other())
    print("tasks after break", len(asyncio.all_tasks()))
    await asyncio.sleep(0)
    print("tasks after sleep(0)", len(asyncio.all_tasks()))
    await asyncio.sleep(0.05)
    await helper()
    await asyncio.sleep(0.05)
    await task
    print("main ends")


asyncio.run(main())
kept = lines("module.txt")
print(next(kept))
print("program ends")
