# enum.Flag for permissions: combining, testing, iterating members, and names of combinations.
from enum import Flag, IntEnum, auto, unique

class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()
    RW = READ | WRITE

user = Perm.READ | Perm.WRITE
print(user, repr(user), Perm.WRITE in user, Perm.EXEC in user, user == Perm.RW)
print([p.name for p in Perm], list(user), bool(Perm(0)), Perm(0))
print(Perm.RW.value, (user & ~Perm.WRITE), Perm['EXEC'], Perm(4))

class Priority(IntEnum):
    LOW = 1
    HIGH = 3

print(sorted([Priority.HIGH, Priority.LOW]), Priority.HIGH > Priority.LOW, Priority(3).name, Priority.LOW + 1)
try:
    @unique
    class Dup(IntEnum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError:', e)
