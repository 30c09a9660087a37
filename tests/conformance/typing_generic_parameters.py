# typing.Generic: a class's __parameters__, its aliases' arity, and the errors of a wrong base.
from typing import Generic, TypeVar
T = TypeVar('T')
K = TypeVar('K')
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
class Pair(Box[T], Generic[T, K]):
    pass
class IntBox(Box[int]):
    pass
class Plain(Box):
    pass
print(Box.__parameters__, Pair.__parameters__, IntBox.__parameters__, Plain.__parameters__)
print(Box[int], Box[int].__origin__ is Box, Box[int].__args__, Box[T].__parameters__, Pair[int, str])
print(Box[int](3).v, type(Box[int](3)).__name__)
for bad in [lambda: Box[int, str], lambda: IntBox[int], lambda: Generic[int], lambda: Generic[T, T], lambda: Pair[int]]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
try:
    class A(Generic): pass
except TypeError as e:
    print('TypeError', e)
try:
    class B(Box[T], Generic[K]): pass
except TypeError as e:
    print('TypeError', e)
