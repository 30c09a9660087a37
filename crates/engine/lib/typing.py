# Awaitlab's own typing: the names annotations use, accepted and without effect (annotations are strings).
# Natives: none. Differs: no runtime checks or generics machinery.
class _Alias:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, item):
        return self

    def __call__(self, *args, **kwargs):
        return self

    def __repr__(self):
        return 'typing.' + self._name


Any = _Alias('Any')
List = _Alias('List')
Dict = _Alias('Dict')
Set = _Alias('Set')
FrozenSet = _Alias('FrozenSet')
Tuple = _Alias('Tuple')
Optional = _Alias('Optional')
Union = _Alias('Union')
Callable = _Alias('Callable')
Awaitable = _Alias('Awaitable')
Coroutine = _Alias('Coroutine')
Iterable = _Alias('Iterable')
Iterator = _Alias('Iterator')
AsyncIterator = _Alias('AsyncIterator')
AsyncIterable = _Alias('AsyncIterable')
AsyncGenerator = _Alias('AsyncGenerator')
Generator = _Alias('Generator')
Type = _Alias('Type')
Sequence = _Alias('Sequence')
Mapping = _Alias('Mapping')
MutableMapping = _Alias('MutableMapping')
NoReturn = _Alias('NoReturn')
ClassVar = _Alias('ClassVar')
Final = _Alias('Final')
Literal = _Alias('Literal')


def TypeVar(name, *constraints, **kwargs):
    return _Alias(name)


def cast(typ, value):
    return value
