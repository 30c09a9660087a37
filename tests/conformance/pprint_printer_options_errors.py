# pprint.PrettyPrinter's options (indent, width, depth, compact, sort_dicts, a stream of one's own),
# its format() hook in a subclass, and the ValueErrors for bad indent/depth/width; the last one uncaught.
import pprint

data = {"zeta": [1, 2, 3], "alpha": {"nested": {"deeper": {"deepest": list(range(10))}}}, "mid": ("x", "y")}


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


out = Collect()
printer = pprint.PrettyPrinter(indent=4, width=30, depth=3, stream=out, sort_dicts=False)
printer.pprint(data)
printer.pprint("short")
print("".join(out.parts), end="")
print(len(out.parts) > 2)

for kwargs in ({}, {"indent": 2}, {"width": 20}, {"compact": True, "width": 20}, {"depth": 2}, {"sort_dicts": False}):
    print(kwargs)
    print(pprint.PrettyPrinter(**kwargs).pformat(data))

print(pprint.PrettyPrinter(width=-1).pformat([1, [2, 3]]))


class Upper(pprint.PrettyPrinter):
    def format(self, object, context, maxlevels, level):
        if isinstance(object, str):
            return repr(object.upper()), True, False
        return super().format(object, context, maxlevels, level)


Upper(width=30).pprint({"greeting": "hello", "items": ["spam", "eggs", "ham", "more spam"]})
print(Upper().isreadable({"a": [1]}), Upper().isrecursive([1]))

for kwargs in ({"indent": -1}, {"depth": 0}, {"depth": -3}, {"width": 0}):
    try:
        pprint.PrettyPrinter(**kwargs)
    except ValueError as e:
        print("ValueError:", e)
try:
    pprint.pformat([1], width="wide")
except ValueError as e:
    print("ValueError:", e)
try:
    pprint.pprint([1], colour=True)
except TypeError as e:
    print("TypeError:", e)

pprint.pp({"b": 1, "a": 2})
pprint.pp({"b": 1, "a": 2}, sort_dicts=True)
pprint.PrettyPrinter(depth=0)
