# Annotations with builtin generics (PEP 585): what they evaluate to, and how they print in
# __annotations__ and inspect.signature.
import inspect
from collections import defaultdict, deque, OrderedDict, Counter


def group_by_length(words: list[str]) -> dict[int, list[str]]:
    groups: defaultdict[int, list[str]] = defaultdict(list)
    for w in words:
        groups[len(w)].append(w)
    return dict(groups)


def first_pair(pairs: tuple[tuple[str, int], ...], default: tuple[()] = ()) -> tuple[str, int] | None:
    return pairs[0] if pairs else None


def window(items: deque[float], seen: set[str] | frozenset[str] = frozenset(), *, counts: Counter[str] | None = None) -> OrderedDict[str, float]:
    return OrderedDict((str(i), x) for i, x in enumerate(items))


def make(cls: type[Exception], *args: int, **options: list[int] | None) -> BaseException:
    return cls(*args)


for f in (group_by_length, first_pair, window, make):
    print(f"{f.__name__}{inspect.signature(f)}")
    for name, ann in f.__annotations__.items():
        print(f"  {name}: {ann!r}")

print(group_by_length(["a", "bb", "cc", "d"]))
print(first_pair((("x", 1), ("y", 2))), first_pair(()))
print(window(deque([0.5, 1.5])))
print(repr(make(KeyError, 1)))

sig = inspect.signature(first_pair)
param = sig.parameters["pairs"]
print(param.annotation, param.annotation.__origin__, param.annotation.__args__)
print(sig.return_annotation, type(sig.return_annotation).__name__, sig.return_annotation.__args__)
print(inspect.formatannotation(dict[str, list[int]]), inspect.formatannotation(list))


class Inventory:
    def __init__(self, items: dict[str, int] | None = None) -> None:
        self.items: dict[str, int] = dict(items or {})

    def names(self) -> list[str]:
        return sorted(self.items)

    def restock(self, amounts: list[tuple[str, int]]) -> "Inventory":
        for name, n in amounts:
            self.items[name] = self.items.get(name, 0) + n
        return self


print(inspect.signature(Inventory))
print(inspect.signature(Inventory.restock))
print(Inventory.names.__annotations__)
inv = Inventory({"apple": 1}).restock([("pear", 2), ("apple", 3)])
print(inv.names(), inv.items)
