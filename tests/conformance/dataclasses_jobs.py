# dataclasses as CPython generates them: __init__ with its errors, repr, eq, order, frozen,
# hashing, default factories, KW_ONLY, __post_init__, asdict/astuple/replace and match.
from __future__ import annotations
import asyncio
from dataclasses import dataclass, field, asdict, astuple, replace, fields, is_dataclass, FrozenInstanceError, KW_ONLY, MISSING
from typing import ClassVar, Optional

@dataclass
class Job:
    url: str
    retries: int = 3
    tags: list[str] = field(default_factory=list)
    done: bool = field(default=False, repr=False)
    count: ClassVar[int] = 0

    def __post_init__(self):
        Job.count += 1

@dataclass(frozen=True, order=True)
class Point:
    x: int
    y: int = 0

@dataclass
class Tree:
    name: str
    children: list[Tree] = field(default_factory=list)
    parent: Optional[Tree] = field(default=None, repr=False, compare=False)

@dataclass
class Opts:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int

@dataclass(eq=False)
class Plain:
    v: int

async def fetch(job: Job) -> str:
    await asyncio.sleep(0.01 * job.retries)
    job.done = True
    return f"{job.url} x{job.retries}"

async def main():
    jobs = [Job("a"), Job("b", 1, ["x"]), Job(url="c", retries=2)]
    print(jobs)
    print(await asyncio.gather(*(fetch(j) for j in jobs)))
    print(Job.count, jobs[0] == Job("a"), jobs[0] == Job("a", done=True), jobs[0] != jobs[1])
    print(asdict(jobs[1]), astuple(jobs[1]), [f.name for f in fields(Job)])
    print(replace(jobs[0], retries=9), is_dataclass(Job), is_dataclass(jobs[0]), is_dataclass(1))
    p = Point(1, 2)
    print(p, p < Point(1, 3), sorted([Point(2), Point(1, 5), Point(1)]), hash(p) == hash(Point(1, 2)), {p: 1}[Point(1, 2)])
    try:
        p.x = 5
    except FrozenInstanceError as e:
        print("frozen:", e, isinstance(e, AttributeError))
    try:
        hash(jobs[0])
    except TypeError as e:
        print("unhashable:", e)
    root = Tree("root")
    kid = Tree("kid", parent=root)
    root.children.append(kid)
    print(root, kid == Tree("kid"))
    print(Opts(1, c=3), Opts(1, b=5, c=6))
    for bad in [lambda: Job(), lambda: Job("a", 1, [], False, 5), lambda: Job("a", colour=1), lambda: Opts(1), lambda: Opts(1, 2), lambda: Point()]:
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)
    print(Plain(1) == Plain(1), Job.__init__.__qualname__, Point.__match_args__, Opts.__match_args__)
    match Point(0, 7):
        case Point(0, y):
            print("on the y axis at", y)
    try:
        @dataclass
        class Bad:
            items: list = []
    except ValueError as e:
        print("ValueError:", e)
    try:
        @dataclass
        class Bad2:
            a: int = 1
            b: int
    except TypeError as e:
        print("TypeError:", e)
    print(Job.__doc__, Job.__dataclass_fields__["url"].default is MISSING)

asyncio.run(main())
