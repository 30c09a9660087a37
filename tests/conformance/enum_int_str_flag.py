# IntEnum, StrEnum, Flag and IntFlag as CPython 3.12 has them: comparing and computing with
# their values, str() and format() of the mixed-in type, auto() for each, flags combined,
# tested, iterated and inverted, and the reprs of combinations.
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto

class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3

print(Priority.HIGH, repr(Priority.HIGH), str(Priority.LOW), f'{Priority.MEDIUM}', f'{Priority.MEDIUM:03d}')
print(Priority.LOW == 1, Priority.HIGH > Priority.LOW, Priority.MEDIUM < 3, Priority(3), Priority['LOW'])
print(Priority.HIGH + 1, Priority.HIGH * 2, 10 - Priority.MEDIUM, Priority.HIGH // 2, Priority.HIGH % 2, -Priority.LOW)
print(int(Priority.HIGH), float(Priority.LOW), sorted([Priority.HIGH, Priority.LOW, 2]), max(Priority))
print(sum(Priority), {1: 'one'}[Priority.LOW], Priority.HIGH in [3], 2 in Priority, Priority.LOW.name)
print(['zero', 'one', 'two', 'three'][Priority.MEDIUM], hash(Priority.MEDIUM) == hash(2))

class Number(IntEnum):
    ONE = auto()
    TWO = auto()
    THREE = auto()

print(list(Number), Number.THREE.value)

class Shape(StrEnum):
    CIRCLE = auto()
    SQUARE = auto()
    OTHER = 'Something Else'

print(Shape.CIRCLE, repr(Shape.SQUARE), Shape.OTHER, f'[{Shape.CIRCLE}]', f'{Shape.SQUARE:>8}|')
print(Shape.CIRCLE == 'circle', Shape('square'), Shape.CIRCLE.upper(), Shape.OTHER.split(), len(Shape.SQUARE))
print(Shape.CIRCLE + '!', 'shape: ' + Shape.SQUARE, sorted(Shape), Shape.OTHER.startswith('Some'))

class Method(str, Enum):
    GET = 'GET'
    POST = 'POST'

print(Method.GET, repr(Method.POST), Method.GET == 'GET', Method('POST'), Method.GET.lower())

class Perm(Flag):
    R = 4
    W = 2
    X = 1

rw = Perm.R | Perm.W
print(rw, repr(rw), rw.value, rw.name, Perm.R in rw, Perm.X in rw, bool(rw))
print(list(rw), len(rw), list(Perm), len(Perm))
print(repr(~Perm.R), repr(Perm.R & Perm.W), repr(Perm.R ^ rw), repr(Perm(0)), bool(Perm(0)), str(Perm(0)))
print(repr(Perm(7)), Perm(6) is rw, Perm(5), repr(Perm), type(rw).__name__)

class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE

print(list(Color), [c.value for c in Color], repr(Color.WHITE), list(Color.WHITE), repr(Color.RED | Color.GREEN))
print(repr(~Color.RED), Color.WHITE in Color, Color.RED in Color.WHITE, repr(Color(3)))

class Access(IntFlag):
    READ = 4
    WRITE = 2
    EXECUTE = 1

full = Access.READ | Access.WRITE | Access.EXECUTE
print(full, repr(full), str(Access.READ | Access.WRITE), f'{Access.WRITE}', repr(Access.READ | 8))
print(Access.READ == 4, Access.READ + 1, full & 2, repr(full & Access.WRITE), Access.WRITE in full)
print(list(Access.READ | Access.EXECUTE), repr(Access(0)), repr(~Access.READ), repr(Access(12)))
