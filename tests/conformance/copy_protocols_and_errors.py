# copy's protocols and errors as CPython 3.12 has them: __getstate__/__setstate__,
# __reduce__, __getnewargs__, classes, functions and bound methods, exceptions, and what cannot
# be copied (a generator: the last one is left uncaught).
import copy

class Connection:
    def __init__(self, host):
        self.host = host
        self.socket = f'<socket to {host}>'

    def __getstate__(self):
        print('getstate', self.host)
        state = dict(self.__dict__)
        del state['socket']
        return state

    def __setstate__(self, state):
        print('setstate', sorted(state))
        for key, value in state.items():
            setattr(self, key, value)
        self.socket = None

c = Connection('example.org')
c2 = copy.copy(c)
print(c2.host, c2.socket, c.socket)
c3 = copy.deepcopy(c)
print(c3.host, c3.socket)

class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    def __reduce__(self):
        return (Temperature, (self.celsius,))

    def __repr__(self):
        return f'Temperature({self.celsius})'

print(copy.copy(Temperature(21)), copy.deepcopy([Temperature(-4)]))

class Money:
    def __new__(cls, amount, currency):
        self = super().__new__(cls)
        self.amount = amount
        self.currency = currency
        return self

    def __getnewargs__(self):
        return (self.amount, self.currency)

    def __repr__(self):
        return f'Money({self.amount}, {self.currency!r})'

m = copy.deepcopy(Money(5, 'EUR'))
print(m, type(m).__name__)

class Plain:
    pass

e = Plain()
print(type(copy.copy(e)).__name__, copy.copy(e) is e, vars(copy.deepcopy(e)))

# Classes and functions are copied as themselves, even deeply.
def helper():
    return 1

print(copy.copy(Plain) is Plain, copy.deepcopy(helper) is helper, copy.deepcopy(print) is print)
print(copy.deepcopy({'f': helper, 'cls': Plain})['cls'] is Plain)

class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n

k = Counter()
bound = copy.deepcopy(k.bump)
print(bound(), bound(), k.n, bound.__self__ is k)

err = ValueError('bad value', 42)
err2 = copy.deepcopy(err)
print(repr(err2), err2.args, err2 is err, type(err2).__name__)

print(copy.Error is copy.error, issubclass(copy.Error, Exception))

class Broken:
    def __deepcopy__(self, memo):
        raise copy.Error('cannot copy a Broken')

try:
    copy.deepcopy([1, Broken()])
except copy.Error as exc:
    print('copy.Error:', exc)

class Picky:
    def __copy__(self):
        raise TypeError('no copies, please')

try:
    copy.copy(Picky())
except TypeError as exc:
    print('TypeError:', exc)

def numbers():
    yield 1

gen = numbers()
for bad in (gen, [gen]):
    try:
        copy.deepcopy(bad)
    except TypeError as exc:
        print('TypeError:', exc)

copy.copy(gen)
