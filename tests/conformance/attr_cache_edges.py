# Attribute lookups that inline caches must not get wrong.
class A:
    x = "class"
    def get(self):
        return self.x

a = A()
out = []
for i in range(3):
    out.append(a.get())
    if i == 0:
        a.x = "instance"
    if i == 1:
        A.x = property(lambda self: "property")
print(out)

class Logged:
    def __init__(self):
        self.n = 0
    def bump(self):
        self.n = self.n + 1

log = []
def noisy_setattr(self, name, value):
    log.append((name, value))
    object.__setattr__(self, name, value)

b = Logged()
for i in range(3):
    b.bump()
    if i == 0:
        Logged.__setattr__ = noisy_setattr
print(b.n, log)

class Base:
    def who(self):
        return "base"
class Child(Base):
    pass
c = Child()
seen = []
for i in range(3):
    seen.append(c.who())
    if i == 0:
        Child.who = lambda self: "child"
    if i == 1:
        c.who = lambda: "own"
print(seen)

def area(shape):
    return shape.w * shape.h
class R:
    def __init__(self, w, h):
        self.w, self.h = w, h
class S:
    def __init__(self, s):
        self.s = s
    @property
    def w(self):
        return self.s
    h = w
print([area(x) for x in (R(2, 3), S(4), R(1, 5), S(2))])
try:
    area(object())
except AttributeError as e:
    print("AttributeError:", e)
