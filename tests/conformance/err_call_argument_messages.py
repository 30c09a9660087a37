# Call-argument errors in the order CPython checks them, naming functions by qualname.
def f(a): pass
def g(a, b=1, *, c): pass
def h(a, /, b): pass
def k(*, x): pass
class A:
    def m(self, x): pass
    @staticmethod
    def s(y): pass
    @classmethod
    def c(cls, z): pass
def outer():
    def inner(q): pass
    return inner
calls = [lambda: f(1, 2, c=3), lambda: f(), lambda: f(1, 2), lambda: g(1), lambda: g(), lambda: g(1, 2, 3), lambda: h(a=1, b=2),
         lambda: h(1, 2, a=3), lambda: k(1), lambda: k(), lambda: A.m(), lambda: A().m(), lambda: A().m(1, 2), lambda: A.s(),
         lambda: A.c(), lambda: outer()(), lambda: f(a=1, a2=2), lambda: g(1, b=2, b2=3), lambda: f(1, a=2)]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
