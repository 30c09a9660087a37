# WeakKeyDictionary: data attached to objects without keeping them alive (here, per-connection
# statistics of an asyncio server simulation).
import asyncio
import weakref


class Connection:
    def __init__(self, peer):
        self.peer = peer

    def __repr__(self):
        return f"Connection({self.peer})"


stats = weakref.WeakKeyDictionary()


async def handle(conn, messages):
    stats[conn] = {"received": 0}
    for _ in range(messages):
        await asyncio.sleep(0.01)
        stats[conn]["received"] += 1
    print(f"{conn.peer} done: {stats[conn]}")


async def main():
    conns = [Connection(f"10.0.0.{i}") for i in range(1, 4)]
    await asyncio.gather(*(handle(c, i + 1) for i, c in enumerate(conns)))
    print(len(stats), sorted((c.peer, s["received"]) for c, s in stats.items()))
    print(conns[0] in stats, Connection("x") in stats, stats.get(conns[1]))
    print("closing", conns.pop(0))
    print(len(stats), sorted(c.peer for c in stats.keys()))
    conns.clear()
    print("all closed:", len(stats), list(stats))


asyncio.run(main())

# The rest of the mapping API.
a, b = Connection("a"), Connection("b")
d = weakref.WeakKeyDictionary({a: 1})
d[b] = 2
d.update({a: 10})
print(sorted(d.values()), d.setdefault(b, 99), d.pop(a), len(d))
print(d.pop(a, "gone"), sorted(k.peer for k in d.keyrefs() and d.keys()))
try:
    d[a]
except KeyError as e:
    print("KeyError for a popped key:", type(e.args[0]).__name__)
try:
    d["text"] = 1
except TypeError as e:
    print("TypeError:", e)
e = d.copy()
del b
print(len(d), len(e), e == {}, d == e)
c = Connection("c")
d2 = weakref.WeakKeyDictionary([(c, "first")]) | {c: "second"}
print(type(d2).__name__, list(d2.values()))
d2.clear()
print(len(d2))
