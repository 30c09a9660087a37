from collections import namedtuple, defaultdict, Counter, deque

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

class Circle:
    def __repr__(self):
        return f"Circle({self.r})"
    def __init__(self, r):
        self.r = r

def describe(v):
    match v:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 1 | 2:
            return f"small {v}"
        case -3:
            return "minus three"
        case 1.5:
            return "one and a half"
        case "hello" | "hi":
            return "greeting"
        case b"raw":
            return "bytes"
        case []:
            return "empty list"
        case [x]:
            return f"one item {x}"
        case [x, y] if x == y:
            return f"pair of same {x}"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *middle, last]:
            return f"first {first} middle {middle} last {last}"
        case {"type": "user", "name": str(name), **rest}:
            return f"user {name} rest {rest}"
        case {"type": t}:
            return f"typed {t}"
        case {}:
            return "some mapping"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, yy) if xx > 10:
            return f"far point {xx},{yy}"
        case Point(x=px) as p:
            return f"point {p} x={px}"
        case Circle(r=r):
            return f"circle {r}"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float():
            return f"number {v}"
        case str() as s:
            return f"string {s!r}"
        case _:
            return f"other {type(v).__name__}"

for v in [None, True, False, 0, 1, 2, -3, 1.5, 1.0, "hello", "hi", "x", b"raw", [], [7], (8,), [1, 1], (1, 2), [1, 2, 3, 4],
          "ab", range(3), deque([1, 2]), {"type": "user", "name": "ann", "age": 3}, {"type": "user", "name": 5},
          {"type": 9}, {"a": 1}, {}, Point(0, 0), Point(0, 5), Point(11, 2), Point(3, 4), Circle(2), 500, 50, 2.5, {1, 2},
          defaultdict(int, {"type": "dd"}), Counter("aab")]:
    print(repr(v)[:40], "->", describe(v))

# Captures stay bound when a guard fails, and in failed or-patterns
match [1, 2]:
    case [a, b] if a > b:
        print("no")
    case _:
        print("after failed guard", a, b)

match (1, 2, 3):
    case (1, *rest):
        print("rest", rest)

match {"k": [1, {"deep": (2, 3)}]}:
    case {"k": [1, {"deep": (p, q)}]}:
        print("deep", p, q)

match 5:
    case x:
        print("capture", x)

match "abc":
    case [*chars]:
        print("str is a sequence?", chars)
    case _:
        print("str is not a sequence pattern")

P = namedtuple("P", "a b")
match P(1, 2):
    case P(a=1, b=bb):
        print("namedtuple kw", bb)
match P(1, 2):
    case P(x1, x2):
        print("namedtuple positional", x1, x2)
match P(3, 4):
    case (u, v):
        print("namedtuple as sequence", u, v)

class Color:
    RED = "red"
    GREEN = "green"

for c in ["red", "green", "blue"]:
    match c:
        case Color.RED:
            print("is red")
        case Color.GREEN:
            print("is green")
        case other:
            print("other color", other)

match [1, [2, 3], 4]:
    case [1, [2, _] | [_, 2] as inner, 4]:
        print("inner", inner)

match (1, "a"):
    case (1, "b") | (1, "a") as both:
        print("or with as", both)

match [(1, 2), (3, 4)]:
    case [(a, b), (c, d)] | [(a, b, c, d)]:
        print("or captures", a, b, c, d)
match [(1, 2, 3, 4)]:
    case [(a, b), (c, d)] | [(a, b, c, d)]:
        print("or captures 2", a, b, c, d)
match (2, 1):
    case (x, 1) | (1, x):
        print("or reorder", x)
match ("p", "q"):
    case (m, n) | (n, m, _):
        print("or names", m, n)
match ("p", "q", "r"):
    case (m, n) | (n, m, _):
        print("or names swapped", m, n)

match [1, 2, 3, 4, 5]:
    case [a, *_, b]:
        print("star wildcard", a, b)
    
match [1, 2, 3, 4, 5]:
    case [_, _, *_]:
        print("only wildcards")

match {"a": 1, "b": 2}:
    case {"a": 1, **kw}:
        print("kw", kw)

match 3:
    case 1 | 2:
        print("12")
    case 3 if False:
        print("no")
    case n if n == 3:
        print("guarded capture", n)

def f(cmd):
    match cmd.split():
        case ["go", direction]:
            return f"going {direction}"
        case ["drop", *objects]:
            return f"dropping {objects}"
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "unknown"
for cmd in ["go north", "drop a b c", "quit", "exit", "dance"]:
    print(f(cmd))

match = 3
print("match as name", match)
case = [1]
print(case)
match(2)
