# The standard-library helpers tutorials reach for around asyncio code: functools caches and
# wrappers, collections, itertools, json, random, string and number formatting.
import asyncio, time, random, json
from collections import OrderedDict, defaultdict, Counter, deque, namedtuple
from functools import partial, wraps, reduce, lru_cache
from itertools import islice, count, chain, groupby, cycle, accumulate, product, permutations, combinations

def timed(fn):
    @wraps(fn)
    async def wrapper(*a, **k):
        start = time.perf_counter()
        r = await fn(*a, **k)
        print(f"{fn.__name__} took {time.perf_counter() - start >= 0}")
        return r
    return wrapper

@timed
async def job(n):
    await asyncio.sleep(n / 100)
    return n * 2

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

async def main():
    print(await job(3), job.__name__, fib(30), fib.cache_info())
    od = OrderedDict(a=1, b=2)
    od.move_to_end("a")
    print(list(od.items()), od == OrderedDict(b=2, a=1), od == OrderedDict(a=1, b=2), od == {"a": 1, "b": 2}, od.popitem(), od.popitem(last=False), len(od))
    print(Counter("mississippi").most_common(2))
    d = defaultdict(list)
    for k, v in [("x", 1), ("y", 2), ("x", 3)]:
        d[k].append(v)
    print(dict(d), sorted(d))
    print(list(islice(count(5, 2), 4)), list(chain([1], (2, 3))), [(k, len(list(g))) for k, g in groupby("aabbbc")])
    print(list(accumulate([1, 2, 3])), list(product("ab", repeat=2))[:3], list(combinations(range(4), 2))[:3])
    print(reduce(lambda a, b: a * b, range(1, 6)), partial(pow, 2)(10))
    print(json.dumps({"a": [1, 2.5, None, True], "b": "é"}, indent=2, sort_keys=True))
    print(json.dumps({"a": 1}, separators=(",", ":")), json.loads('{"x": [1, {"y": null}]}'))
    random.seed(42)
    print(random.randint(1, 100), random.choice("abc"), random.random(), random.sample(range(10), 3))
    results = await asyncio.gather(*(job(i) for i in range(3)))
    print(results)
    q = deque(maxlen=3)
    for i in range(5):
        q.append(i)
    print(q, q.maxlen)
    Pt = namedtuple("Pt", ["x", "y"], defaults=[0])
    print(Pt(1), Pt(1, 2)._replace(y=5), Pt._fields)
    s = "Hello, World"
    print(s.center(20, "*"), s.casefold(), s.partition(", "), s.rsplit("o", 1), s.swapcase(), s.title(), s.zfill(15))
    print("{:>10}|{:<10}|{:^10}".format("r", "l", "c"), "{0}{1}{0}".format("a", "b"), "{name}".format(name="n"))
    print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda t: (t[1], t[0]), reverse=True))
    print(list(map(str.upper, ["a", "b"])), list(filter(None, [0, 1, "", "x"])), any([]), all([]))
    print(f"{1e20}", f"{1.0}", f"{1/3}", 1e16, 123456789.0, 0.1 + 0.2, 1e-5, float("inf"), -0.0)
    print(int("0x1f", 16), int("  42 "), bin(10), oct(8), hex(255), abs(-3), pow(3, 4, 5), round(3.14159, 3))
    print(divmod(17, 5), 17 // 5, 17 % 5, -17 // 5, 2 ** 100, 10 / 4, 7.0 // 2)
    print(str(b"abc"), b"abc".decode(), "é".encode(), bytes([65, 66]), bytearray(b"x") if False else "")
    print(isinstance(True, int), type(1) is int, issubclass(bool, int), callable(print), hash("a") == hash("a"))
    x = [3, 1, 2]
    x.sort()
    print(x, x[::-1], x[1:], x.index(2), x.count(1), sum(x), min(x), max(x, key=lambda v: -v))
    print({1, 2} | {3}, {1, 2} & {2}, {1, 2} - {1}, {1, 2} ^ {2, 3}, frozenset([1]))
    print(list(enumerate("ab", 1)), list(zip("ab", "cd")), dict(zip("ab", range(2))))
    print(" ".join(reversed("abc")), "abc"[::-1], "a,b,,c".split(","), "  x ".strip(), "x".join("abc"))

asyncio.run(main())
