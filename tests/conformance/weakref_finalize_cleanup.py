# weakref.finalize: cleanup that runs when an object goes away, or at exit for those still alive.
import weakref


class TempFile:
    def __init__(self, name):
        self.name = name
        self._finalizer = weakref.finalize(self, self._remove, name)

    @staticmethod
    def _remove(name):
        print(f"removing {name}")
        return f"removed {name}"

    def close(self):
        return self._finalizer()

    @property
    def closed(self):
        return not self._finalizer.alive


print("-- closed by hand")
t = TempFile("a.tmp")
print(t.closed, t.close(), t.closed, t.close())

print("-- freed")
t = TempFile("b.tmp")
t = None
print("after t = None")

print("-- freed at the end of a function")
def work():
    tmp = TempFile("c.tmp")
    print("working with", tmp.name)
    return len(tmp.name)
print("result", work())

print("-- peek and detach")
class Session:
    pass

def goodbye(who, *, loud=False):
    print(("GOODBYE " if loud else "goodbye ") + who)

s = Session()
f = weakref.finalize(s, goodbye, "session", loud=True)
obj, func, args, kwargs = f.peek()
print(obj is s, func.__name__, args, kwargs, f.alive, f.atexit)
print(f.detach()[2:], f.alive, f.detach(), f.peek())
del s
print("nothing ran")

print("-- finalizers on one object run newest first")
s = Session()
weakref.finalize(s, goodbye, "first")
weakref.finalize(s, goodbye, "second")
del s
print("-- at exit")
keep = Session()
weakref.finalize(keep, goodbye, "kept (atexit)")
quiet = weakref.finalize(keep, goodbye, "not at exit")
quiet.atexit = False
later = TempFile("d.tmp")
print(quiet.atexit, "end of program")
