# Function annotations are evaluated when the function is made, into __annotations__ (in
# CPython's order: parameters after /, those before it, *args, keyword-only, **kwargs, return);
# X | Y of types is a union (PEP 604) that isinstance understands.
def f(a, b: int = 2, /, c: "str" = 3, *args: float, d: bool, e: str = "x", **kw: bytes) -> bool:
    pass

print(f.__annotations__)
def g(x, y): pass
print(g.__annotations__, g.__defaults__, g.__kwdefaults__, f.__defaults__, f.__kwdefaults__)

class A:
    def m(self, x: int) -> "A":
        return self
print(A.m.__annotations__)

def outer():
    T = dict
    def inner(x: T) -> T:
        pass
    return inner
print(outer().__annotations__)

async def co(x: int | None = None) -> None:
    pass
print(co.__annotations__)
print((lambda x: x).__annotations__)

print(int | str, int | None, None | int, int | str | None, (int | str) == (str | int), int | int)
print(isinstance(3, int | str), isinstance("a", int | None), isinstance(None, int | None), issubclass(bool, int | str))
u = int | str
print(type(u).__name__, u.__args__, hash(u) == hash(str | int))
class B:
    pass
print(B | None)
try:
    print(int | 3)
except TypeError as e:
    print("TypeError:", e)
try:
    def h(x: Undefined): pass
except NameError as e:
    print("NameError:", e)
code = f.__code__
print(code.co_name, code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_varnames[:7])
