# When weak reference callbacks run: the moment the last strong reference goes (del, rebinding,
# a function returning, a container emptied), before the next statement's output.
import asyncio
import weakref


class Resource:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Resource({self.name})"


def watch(obj):
    name = obj.name
    return weakref.ref(obj, lambda ref: print(f"  callback: {name} freed, ref() -> {ref()}"))


x = Resource("x")
rx = watch(x)
print("del x")
del x
print("after del x")

y = Resource("y")
ry = watch(y)
print("rebinding y")
y = Resource("y2")
print("after rebinding")
ry2 = watch(y)

alias = y
print("del y (alias keeps it)")
del y
print("after del y:", ry2())
alias = None
print("after alias = None")


def scope():
    local = Resource("local")
    keep.append(watch(local))
    print("  returning")


keep = []
scope()
print("after scope()")

bag = [Resource(f"item{i}") for i in range(3)]
refs = [watch(item) for item in bag]
print("bag.pop()")
bag.pop()
print("bag.clear()")
bag.clear()
print("after clear:", [r() for r in refs])

# Several callbacks on one object: the newest first.
z = Resource("z")
order = [weakref.ref(z, lambda r, i=i: print(f"  callback #{i}")) for i in range(3)]
print("del z")
del z
print("after del z")

# A reference that dies first never calls back.
w = Resource("w")
rw = watch(w)
del rw
del w
print("no callback for w")

# An exception in the assignment's right side drops nothing; a dict entry's removal does.
table = {"a": Resource("a")}
ra = watch(table["a"])
print("del table['a']")
del table["a"]
print("after del table['a']")


async def worker(name):
    res = Resource(name)
    r = watch(res)
    await asyncio.sleep(0.01)
    print(f"  {name} done")
    return r


async def main():
    r = await worker("task-local")
    print("main got a dead ref:", r() is None)
    refs = await asyncio.gather(worker("g1"), worker("g2"))
    print("gathered", [r() for r in refs])

asyncio.run(main())
print("end")
