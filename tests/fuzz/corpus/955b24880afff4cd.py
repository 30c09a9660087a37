class Vector:
    __rmul__ = __mul__
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return Point(self.x * k, self.y * k)
    __slots__ = ()
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
    def __str__(self):
        return f'({self.x}, {self.y})'
    def __len__(self):
        return 2
    def __bool__(self):
        return bool(self.x or self.y)
p = Point(1, 2) + Point(3, 4)
print(p, repr(p), p * 2, 3 * p, p == Point(4, 6), len(p), bool(Point(0, 0)))
print({Point(1, 1), Point(1, 1)}, [str(q) for q in [p]], hasattr(p, 'x'), getattr(p, 'z', 'no z'))
setattr(p, 'z', 5)
print(p.z, vars(Point(7, 8)), type(p).__name__, isinstance(p, (int, Point)))
class Base:
    def hello(self):
        return 'base'
class Mixin:
    def hello(self):
        return 'mixin+' + super().hello()
class Child(Mixin, Base):
    pass
print(Child().hello(), [c.__name__ for c in Child.__mro__])
