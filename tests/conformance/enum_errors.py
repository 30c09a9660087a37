# enum's errors as CPython 3.12 raises them: a value or a name that is not a member, reassigning
# and deleting members, extending an enum that has members, duplicate values under @unique,
# ordering plain members, reserved names, _missing_, flags out of range, StrEnum values that
# are not strings; the last lookup is left uncaught.
from enum import Enum, IntEnum, StrEnum, Flag, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

attempt('value', lambda: Color(3))
attempt('value type', lambda: Color('RED'))
attempt('name', lambda: Color['BLUE'])
attempt('attribute', lambda: Color.BLUE)
attempt('order', lambda: Color.RED < Color.GREEN)
attempt('sorted', lambda: sorted(Color))
attempt('add', lambda: Color.RED + 1)

def reassign():
    Color.RED = 10
attempt('reassign', reassign)

def delete():
    del Color.GREEN
attempt('delete', delete)

def set_value():
    Color.RED.value = 5
attempt('set value', set_value)

def extend():
    class More(Color):
        BLUE = 3
attempt('extend', extend)

def duplicates():
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 3
        FOUR = 3
        UNO = 1
attempt('unique', duplicates)

def reused():
    class Twice(Enum):
        A = 1
        B = 2
        A = 3
attempt('reused name', reused)

def member_then_method():
    class Clash(Enum):
        size = 2
        def size(self):
            return 1
attempt('clash', member_then_method)

def reserved():
    class Bad(Enum):
        _secret_ = 1
attempt('sunder', reserved)

def empty_call():
    class Nothing(Enum):
        pass
    return Nothing(1)
attempt('no members', empty_call)

class Answer(Enum):
    YES = 'y'
    NO = 'n'

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            value = value.strip().lower()[:1]
            for member in cls:
                if member.value == value:
                    return member
        return None

print(Answer(' Yes '), Answer('NOPE'))
attempt('missing', lambda: Answer(42))

class Broken(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return 'not a member'

attempt('bad missing', lambda: Broken(2))

class Perm(Flag):
    R = 4
    W = 2
    X = 1

attempt('flag strict', lambda: Perm(8))
attempt('flag type', lambda: Perm('R'))
attempt('flag in', lambda: 1 in Perm.R)
attempt('flag or', lambda: Perm.R | 1)

def str_enum():
    class Bad(StrEnum):
        ONE = 1
attempt('strenum', str_enum)

class Level(IntEnum):
    LOW = 1

attempt('intenum', lambda: Level(5))
attempt('intenum name', lambda: Level['HIGH'])
print(Color.GREEN.name, Color(2))
Color(99)
