# Generic classes of one's own: __class_getitem__ = classmethod(types.GenericAlias), and
# typing.Generic[T]; subscripting, calling the alias, subclassing it (PEP 560 __mro_entries__).
import types
from typing import Generic, TypeVar

T = TypeVar("T")
K = TypeVar("K")


class Box:
    __class_getitem__ = classmethod(types.GenericAlias)

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return f"Box({self.value!r})"


IntBox = Box[int]
print(IntBox, IntBox.__origin__ is Box, IntBox.__args__)
b = IntBox(3)
print(b, type(b).__name__, b.__orig_class__, b.__orig_class__ == Box[int])
print(Box[str] == Box[int], Box[list[int]], Box[Box[int]])


class Registry:
    """__class_getitem__ written as a plain method is a class method too."""

    def __class_getitem__(cls, item):
        print(f"  {cls.__name__}[{item!r}] asked")
        return types.GenericAlias(cls, item)


print(Registry[str, int])


class LabelledBox(Box[str]):
    def label(self):
        return f"<{self.value}>"


print(LabelledBox.__bases__, LabelledBox.__orig_bases__, LabelledBox.__mro__)
print(LabelledBox("hi").label(), isinstance(LabelledBox("x"), Box))


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


print(T, K, T.__name__, Generic[T])
print(Stack.__orig_bases__, Stack.__mro__)
s = Stack[int]()
s.push(1)
s.push(2)
print(Stack[int], s.pop(), s.items, type(s).__name__)


class Pair(Generic[K, T]):
    def __init__(self, key: K, value: T):
        self.key, self.value = key, value


p = Pair[str, float]("pi", 3.14)
print(Pair[str, float], p.key, p.value, Pair.__orig_bases__)

try:
    Box[int].missing_attribute
except AttributeError as e:
    print("AttributeError:", e)
try:
    isinstance(b, Box[int])
except TypeError as e:
    print("TypeError:", e)
print(isinstance(b, Box))
