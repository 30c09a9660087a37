# str.title/capitalize/istitle/splitlines, class and function docstrings, hash() as CPython's.
for s in ['straße', "they're bill's friends", 'hello world', '1st place', 'ΣΑΣ ΣΑΣ']:
    print(repr(s.title()), repr(s.capitalize()), s.istitle(), s.title().istitle())
print('a\nb\r\nc\rd\x0be\x0cf'.splitlines(), 'a\nb\r\n'.splitlines(True), ''.splitlines(), 'x\n\n'.splitlines(keepends=True))

class Greeter:
    """Says hello."""

class Quiet(Greeter):
    pass

def documented():
    "One line."

async def coro():
    """A coroutine function."""

print(Greeter.__doc__, Quiet.__doc__, documented.__doc__, coro.__doc__, Greeter().__doc__)
print(hash(2**61), hash(-2**61), hash(2**64), hash(-1), hash(1.5), hash(-0.5), hash(1e300), hash(float('inf')))
print(hash((1, 2)), hash(()), hash(frozenset([1, 2])), hash(frozenset()), hash(0.1), hash(2**100))
print({1: 'a', 1.0: 'b', True: 'c'})
