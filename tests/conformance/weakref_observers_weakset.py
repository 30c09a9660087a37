# An event bus that holds its subscribers in a WeakSet: a widget that is closed (its last
# reference gone) stops receiving events without unsubscribing.
import asyncio
import weakref


class Widget:
    def __init__(self, name):
        self.name = name
        self.seen = []

    def on_event(self, event):
        self.seen.append(event)
        print(f"  {self.name} <- {event}")

    def __repr__(self):
        return f"<Widget {self.name}>"


class EventBus:
    def __init__(self):
        self.subscribers = weakref.WeakSet()

    def subscribe(self, widget):
        self.subscribers.add(widget)

    def publish(self, event):
        print(f"publish {event!r} to {len(self.subscribers)}")
        for widget in sorted(self.subscribers, key=lambda w: w.name):
            widget.on_event(event)


async def ticker(bus, n):
    for i in range(n):
        await asyncio.sleep(0.1)
        bus.publish(f"tick {i}")


async def main():
    bus = EventBus()
    clock = Widget("clock")
    status = Widget("status")
    log = Widget("log")
    for w in (clock, status, log):
        bus.subscribe(w)
    print("subscribed:", sorted(w.name for w in bus.subscribers))
    print("log in bus:", log in bus.subscribers, "| 42 in bus:", 42 in bus.subscribers)

    task = asyncio.create_task(ticker(bus, 3))
    await asyncio.sleep(0.15)
    print("closing status")
    del status
    await asyncio.sleep(0.1)
    print("closing log")
    log = None
    await task
    print("clock saw:", clock.seen)

    # Set operations give WeakSets too.
    a = Widget("a")
    b = Widget("b")
    s1 = weakref.WeakSet([a, b, clock])
    s2 = weakref.WeakSet([b])
    print(sorted(w.name for w in s1 - s2), sorted(w.name for w in s1 & s2), type(s1 | s2).__name__)
    print(s2 <= s1, s1 <= s2, len(s1), bool(weakref.WeakSet()))
    s1.discard(a)
    s1.remove(b)
    print(sorted(w.name for w in s1))
    try:
        s1.remove(Widget("ghost"))
    except KeyError as e:
        print("KeyError for a widget never added")
    try:
        bus.subscribe("a string")
    except TypeError as e:
        print("TypeError:", e)
    popped = s1.pop()
    print("popped", popped, len(s1))
    try:
        s1.pop()
    except KeyError as e:
        print("KeyError:", e)


asyncio.run(main())
