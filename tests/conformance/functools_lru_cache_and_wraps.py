# functools.lru_cache as CPython counts it (hits, misses, evictions, typed keys) and wraps.
import functools, asyncio
@functools.lru_cache(maxsize=2)
def sq(x, *, k=1):
    print("compute", x, k)
    return x * x * k
for a in [1, 2, 1, 3, 2, 1, 1.0, True]:
    sq(a)
sq(2, k=2); sq(2, k=2)
print(sq.cache_info(), sq.cache_parameters(), sq.__name__, sq.__wrapped__.__name__)
sq.cache_clear()
print(sq.cache_info())
@functools.lru_cache(typed=True)
def t(x):
    return type(x).__name__
print(t(1), t(1.0), t.cache_info())
@functools.cache
def c(n):
    return n
c(1); c(1)
print(c.cache_info())
@functools.lru_cache
def d(n): return n
d(5); print(d.cache_info())
def deco(f):
    @functools.wraps(f)
    def inner(*a):
        """inner doc"""
        return f(*a)
    return inner
@deco
def documented(x):
    """The real doc."""
    return x
print(documented.__name__, documented.__doc__, documented.__qualname__, documented.__wrapped__(3))
print(repr(documented).split(" at ")[0])
class K:
    @deco
    def m(self):
        "m doc"
        return 1
print(K.m.__qualname__, K().m())
