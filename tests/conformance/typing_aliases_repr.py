# typing's aliases as annotations show them: List[int], Optional[...], Union, Callable, TypeVar.
import inspect
import typing
from typing import Any, Callable, Dict, List, Literal, Optional, Tuple, TypeVar, Union

T = TypeVar("T")
Number = TypeVar("Number", int, float)

print(List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[int, str])
print(Optional[int], Union[int, str], Union[int, None], Union[int, str, None], Union[int])
print(Callable[[int, str], bool], Callable[..., Any], Literal["r", "w"], List[T], T, Number)
print(List, Optional, Any, typing.Iterable[str], typing.Awaitable[int])
print(List[int].__origin__, List[int].__args__, Optional[str].__args__, typing.get_args(Dict[str, int]))
print(typing.get_origin(List[int]), typing.get_origin(int), typing.get_args(int))
print(List[int] == List[int], Union[int, str] == Union[str, int], Optional[int] == Union[int, None])
print(List[list[int]], Dict[str, Optional[int]], Optional[list[int]])
try:
    List[int]()
except TypeError as e:
    print("TypeError:", e)


def lookup(table: Dict[str, List[int]], key: str, default: Optional[int] = None) -> Union[int, None]:
    values = table.get(key)
    return values[0] if values else default


def apply(f: Callable[[int], int], xs: List[int]) -> List[int]:
    return [f(x) for x in xs]


print(inspect.signature(lookup))
print(inspect.signature(apply))
print(lookup({"a": [4, 5]}, "a"), lookup({}, "b", 0), apply(lambda x: x * 2, [1, 2]))
for name, ann in lookup.__annotations__.items():
    print(f"  {name}: {ann}")
