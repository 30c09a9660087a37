# Which objects accept weak references (as CPython decides), and the errors around them.
import asyncio
import collections
import weakref


class Plain:
    pass


class Slotted:
    __slots__ = ("x",)


class SlottedWithWeakref:
    __slots__ = ("x", "__weakref__")


class SlottedChild(Slotted):
    pass


class MyError(Exception):
    pass


def function():
    pass


def gen():
    yield 1


async def coro():
    pass


candidates = [
    ("int", 42), ("str", "text"), ("tuple", (1, 2)), ("list", [1]), ("dict", {}),
    ("None", None), ("float", 1.5), ("bool", True), ("bytes", b"x"), ("object()", object()),
    ("ValueError()", ValueError("x")), ("range", range(3)),
    ("instance", Plain()), ("class", Plain), ("function", function), ("lambda", lambda: 0),
    ("builtin", len), ("set", {1}), ("frozenset", frozenset()), ("generator", gen()),
    ("deque", collections.deque()), ("OrderedDict", collections.OrderedDict()),
    ("Counter", collections.Counter()), ("MyError()", MyError()),
    ("Slotted()", Slotted()), ("SlottedWithWeakref()", SlottedWithWeakref()), ("SlottedChild()", SlottedChild()),
    ("module", asyncio),
]
for name, obj in candidates:
    try:
        r = weakref.ref(obj)
    except TypeError as e:
        print(f"{name:22} TypeError: {e}")
    else:
        print(f"{name:22} ok, alive: {r() is obj}")

c = coro()
print("coroutine", weakref.ref(c)() is c)
c.close()


async def main():
    fut = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(asyncio.sleep(0))
    print("future", weakref.ref(fut)() is fut, "task", weakref.ref(task)() is task)
    fut.cancel()
    await task

asyncio.run(main())

# A reference without a callback is shared; one with a callback is not.
p = Plain()
r1, r2 = weakref.ref(p), weakref.ref(p)
r3 = weakref.ref(p, print)
print(r1 is r2, r1 is r3, weakref.getweakrefcount(p), r1 == r3, r3.__callback__ is print, r1.__callback__)
print(type(r1) is weakref.ReferenceType, weakref.ref is weakref.ReferenceType, isinstance(r1, weakref.ref))

# Hashing: a reference hashes as its object does, and remembers it.
q = Plain()
rq = weakref.ref(q)
h = hash(rq)
print(h == hash(q))
del q
print(rq(), hash(rq) == h)
dead = weakref.ref(Plain())
try:
    hash(dead)
except TypeError as e:
    print("TypeError:", e)
print(dead == dead, dead == rq, dead != rq)

# Proxies act as the object while it lives.
class Account:
    def __init__(self):
        self.balance = 10

    def deposit(self, n):
        self.balance += n
        return self.balance

acct = Account()
px = weakref.proxy(acct)
print(px.deposit(5), px.balance, type(px).__name__, type(weakref.proxy(function)).__name__)
px.balance = 100
print(acct.balance)
del acct
try:
    px.balance
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    weakref.ref()
except TypeError as e:
    print("TypeError")
