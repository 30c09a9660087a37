# pprint as tutorials use it: nested JSON-like data at the default width and narrower, sorted and
# unsorted keys (pp), long strings and bytes split across lines, sets, tuples, collections types,
# a dataclass, and recursive structures (their ids masked).
import collections
import dataclasses
import pprint
import re
import types

config = {
    "service": "scheduler",
    "workers": [{"id": i, "queue": f"jobs-{i}", "limits": {"cpu": 2 * i, "mem": f"{256 * i}M"}} for i in range(1, 4)],
    "retry": (1, 2, 4, 8, 16),
    "flags": {3, 1, 2},
    "frozen": frozenset({"b", "a"}) and frozenset({10, 9}),
    "note": "Long notes are split at spaces into several string literals when they do not fit on one line of output.",
    "blob": bytes(range(40)),
    "empty": {"list": [], "dict": {}, "tuple": (), "set": set(), "str": "", "one": (1,)},
}
pprint.pprint(config)
pprint.pp(config, width=50)
print(pprint.pformat(config["workers"], width=60, indent=2))
print(pprint.pformat(config, depth=1))
print(pprint.pformat(config, depth=2, width=60))
pprint.pprint(list(range(50)), compact=True, width=40)
pprint.pprint([["x" * 10] * 3] * 4, compact=True, width=45)
pprint.pprint({"big": 10 ** 12, "neg": -5_000}, underscore_numbers=True)
pprint.pprint("a single long line of text " * 5, width=40)
pprint.pprint(["multi\nline\nstrings keep their newlines and are split after each one"], width=30)

print(pprint.pformat(collections.OrderedDict(zip("abcdefghijkl", range(12)))))
print(pprint.pformat(collections.Counter("mississippi pipeline tipping point"), width=40))
tree = collections.defaultdict(list)
for word in "apple avocado banana blueberry cherry cranberry coconut".split():
    tree[word[0]].append(word)
pprint.pprint(tree, width=40)
pprint.pprint(collections.deque(range(30), maxlen=30), width=40)
pprint.pprint(collections.ChainMap({"user": "ada", "theme": "dark"}, {"user": "root", "lang": "en", "tz": "UTC"}), width=40)
pprint.pprint(types.SimpleNamespace(host="localhost", ports=list(range(8000, 8012)), debug=True), width=40)


@dataclasses.dataclass
class Task:
    name: str
    deps: list = dataclasses.field(default_factory=list)
    hidden: int = dataclasses.field(default=0, repr=False)


@dataclasses.dataclass
class Custom:
    values: list

    def __repr__(self):
        return f"Custom<{len(self.values)}>"


pprint.pprint(Task("deploy", ["build-frontend", "build-backend", "migrate-database", "smoke-tests"]))
pprint.pprint([Task("a"), Custom(list(range(100)))], width=30)

mask = lambda s: re.sub(r"id=\d+", "id=N", s)
loop = [1, 2]
loop.append(loop)
d = {"self": None, "items": loop}
d["self"] = d
print(mask(pprint.pformat(loop)))
print(mask(pprint.pformat(d)))
print(mask(pprint.saferepr(d)))
print(pprint.isrecursive(loop), pprint.isreadable(loop), pprint.isreadable(config), pprint.isreadable(Task("x")))
shared = [1, 2]
print(pprint.pformat([shared, shared, {"again": shared}]))
