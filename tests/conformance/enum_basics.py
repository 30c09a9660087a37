# enum as CPython 3.12 has it: members by attribute, value and name; repr, str, format, name and
# value; iteration order and aliases; __members__; membership; identity and equality; hashing;
# methods, properties and class methods on an enum; auto(); @unique; the functional API;
# members with several values and __init__; match statements over members.
from enum import Enum, auto, unique
import enum

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1          # an alias of RED

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(f'{Color.GREEN} | {Color.GREEN!r} | {Color.GREEN:>12} | {Color.GREEN.name:<6}|')
print(str(Color.BLUE), format(Color.BLUE), '%s and %r' % (Color.RED, Color.RED))
print(Color(2), Color['BLUE'], getattr(Color, 'GREEN'), Color(Color.RED))
print(list(Color), len(Color), [c.name for c in Color], [c.value for c in reversed(Color)])
print(Color.CRIMSON, Color.CRIMSON is Color.RED, Color['CRIMSON'], Color(1).name)
print(list(Color.__members__), list(Color.__members__.items())[-1])
print(type(Color.__members__).__name__, len(Color.__members__), 'CRIMSON' in Color.__members__)
print(Color.RED in Color, 2 in Color, 7 in Color, 'RED' in Color)
print(Color.RED == Color.RED, Color.RED == Color.GREEN, Color.RED == 1, Color.RED != 1, Color.RED is Color(1))
print(type(Color.RED), type(Color.RED) is Color, isinstance(Color.RED, Color), isinstance(Color.RED, Enum))
print(repr(Color), type(Color), isinstance(Color, enum.EnumMeta), issubclass(Color, Enum))
print(hash(Color.RED) == hash(Color.CRIMSON), {Color.RED: 'stop', Color.GREEN: 'go'}[Color.CRIMSON])
print(sorted(Color, key=lambda c: c.value, reverse=True), max(Color, key=lambda c: c.value))
print(bool(Color), bool(Color.RED), Color.RED.__class__.__name__)

class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    THURSDAY = 4
    FRIDAY = 5
    SATURDAY = 6
    SUNDAY = 7

    @property
    def is_weekend(self):
        return self in (Weekday.SATURDAY, Weekday.SUNDAY)

    def next(self):
        members = list(Weekday)
        return members[(members.index(self) + 1) % len(members)]

    @classmethod
    def from_abbrev(cls, text):
        for day in cls:
            if day.name.startswith(text.upper()):
                return day
        raise ValueError(text)

    def __str__(self):
        return self.name.title()

print(Weekday.SUNDAY.is_weekend, Weekday.FRIDAY.is_weekend, Weekday.SUNDAY.next(), repr(Weekday.FRIDAY.next()))
print(Weekday.from_abbrev('we'), f'{Weekday.MONDAY}', [str(d) for d in Weekday if d.is_weekend])

class Status(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = 10
    FAILED = auto()

print(list(Status), Status.FAILED.value)

class Lower(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    ALPHA = auto()
    BETA = auto()

print(list(Lower), Lower('beta1'))

@unique
class Direction(Enum):
    NORTH = 'N'
    SOUTH = 'S'

print(Direction('N'), Direction.SOUTH.value)

Animal = Enum('Animal', 'ANT BEE CAT DOG')
print(Animal, list(Animal), Animal.CAT.value, Animal(2))
Pet = Enum('Pet', [('CAT', 'meow'), ('DOG', 'woof')])
print(list(Pet), Pet('woof'), Enum('Size', {'S': 1, 'L': 3}).L)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)

print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2))
print(Planet((3.303e+23, 2.4397e6)))

def describe(color):
    match color:
        case Color.RED:
            return 'warm'
        case Color.GREEN | Color.BLUE:
            return 'cool'

print([describe(c) for c in Color])

class Empty(Enum):
    pass

print(list(Empty), len(Empty))

class Base(Enum):
    def hello(self):
        return f'hello from {self.name}'

class Child(Base):
    ONE = 1

print(Child.ONE.hello(), list(Child))
