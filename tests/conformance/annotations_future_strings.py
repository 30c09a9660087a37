from __future__ import annotations
# Under `from __future__ import annotations` a function's annotations are their source text,
# never evaluated (a forward reference is fine).

def f(a, b: int = 2, /, c: "str" = 3, *args: float, d: Optional[list[int]], e: str = "x", **kw: bool) -> Node:
    pass

print(f.__annotations__)

class Node:
    def link(self, other: Node | None) -> Node:
        return self

print(Node.link.__annotations__)
