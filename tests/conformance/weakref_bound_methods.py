# The classic WeakMethod lesson: a bound method is made anew at each attribute access, so a
# plain weak reference to one dies at once; WeakMethod holds the object and the function.
import weakref


class Button:
    def __init__(self, label):
        self.label = label

    def on_click(self):
        return f"{self.label} clicked"


class Dispatcher:
    """Keeps handlers without keeping their objects alive."""

    def __init__(self):
        self.handlers = []

    def connect(self, method):
        self.handlers.append(weakref.WeakMethod(method, self._forget))

    def _forget(self, wm):
        print("  a handler's object went away")
        self.handlers.remove(wm)

    def fire(self):
        results = [h()() for h in self.handlers if h() is not None]
        print("fired:", results, "handlers left:", len(self.handlers))


ok = Button("OK")
r = weakref.ref(ok.on_click, lambda ref: print("  the bound method died"))
print("plain ref to ok.on_click ->", r())

wm = weakref.WeakMethod(ok.on_click)
method = wm()
print("WeakMethod ->", method(), "| same method:", method == ok.on_click, method.__self__ is ok)
print("equal WeakMethods:", wm == weakref.WeakMethod(ok.on_click), hash(wm) == hash(weakref.WeakMethod(ok.on_click)))
del method

d = Dispatcher()
cancel = Button("Cancel")
d.connect(ok.on_click)
d.connect(cancel.on_click)
d.fire()
print("deleting cancel")
del cancel
print("deleted")
d.fire()

print("plain function refs live as long as the function:")
def handler():
    return "handled"
fr = weakref.ref(handler)
print(fr() is handler, fr()())

try:
    weakref.WeakMethod(handler)
except TypeError as e:
    print("TypeError:", e)

ok = None
print("wm after ok is gone:", wm(), "| wm == itself:", wm == wm)
