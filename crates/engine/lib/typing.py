# Awaitlab's own typing: the names annotations use, with CPython 3.12's reprs, __origin__ and __args__ (List[int], Optional[int], ~T), TypeVar, Generic.
# Natives: none. Differs: no runtime checks; a subscripted alias is one class (_Alias); Generic[T] subclasses' aliases are types.GenericAlias; no ParamSpec, Protocol or overload.
import types as _types

_ORIGINS = {'List': list, 'Dict': dict, 'Set': set, 'FrozenSet': frozenset, 'Tuple': tuple, 'Type': type}
_NO_ARGS = object()


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, _types.FunctionType):
        return obj.__name__
    if isinstance(obj, (tuple, list)):
        return '[' + ', '.join(_type_repr(t) for t in obj) + ']'
    return repr(obj)


def _type_check(arg):
    return type(None) if arg is None else arg


class _Alias:
    """typing's special forms and aliases (List, Optional, Callable...), bare or subscripted."""

    def __init__(self, name, args=_NO_ARGS):
        self._name = name
        self.__origin__ = _ORIGINS.get(name, self)
        if args is not _NO_ARGS:
            self.__args__ = args
            self.__origin__ = _ORIGINS.get(name, _ALIASES.get(name, self))

    def __getitem__(self, item):
        if not isinstance(item, tuple):
            item = (item,)
        name = self._name
        if name == 'Optional':
            return _Alias('Union', _union_args((*item, None)))
        if name == 'Union':
            args = _union_args(item)
            return args[0] if len(args) == 1 else _Alias('Union', args)
        if name == 'Literal':
            return _Alias(name, item)
        if name == 'Callable' and len(item) == 2 and isinstance(item[0], list):
            return _Alias(name, (*(_type_check(a) for a in item[0]), _type_check(item[1])))
        return _Alias(name, tuple(_type_check(a) for a in item))

    def __call__(self, *args, **kwargs):
        origin = _ORIGINS.get(self._name)
        if origin is None:
            raise TypeError(f'Cannot instantiate {self!r}')
        raise TypeError(f'Type {self._name} cannot be instantiated; use {origin.__name__}() instead')

    def __repr__(self):
        if not hasattr(self, '__args__'):
            return 'typing.' + self._name
        args = self.__args__
        if self._name == 'Union' and len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return f'typing.Optional[{_type_repr(other)}]'
        if self._name == 'Literal':
            return f'typing.Literal[{", ".join(repr(a) for a in args)}]'
        if self._name == 'Callable' and args and args[0] is not ...:
            return f'typing.Callable[[{", ".join(_type_repr(a) for a in args[:-1])}], {_type_repr(args[-1])}]'
        return f'typing.{self._name}[{", ".join(_type_repr(a) for a in args)}]'

    def __eq__(self, other):
        if not isinstance(other, _Alias):
            return NotImplemented
        if self._name == 'Union' and other._name == 'Union':
            return set(getattr(self, '__args__', ())) == set(getattr(other, '__args__', ()))
        return self._name == other._name and getattr(self, '__args__', None) == getattr(other, '__args__', None)

    def __hash__(self):
        return hash((self._name, getattr(self, '__args__', None)))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        origin = _ORIGINS.get(self._name)
        if origin is None:
            # CPython's are abstract base classes with mixin methods; these are names only.
            raise TypeError(f'Awaitlab cannot subclass typing.{self._name} (use a plain class)')
        return (origin,)


def _union_args(items):
    args = []
    for a in items:
        a = _type_check(a)
        for t in (a.__args__ if isinstance(a, _Alias) and a._name == 'Union' else (a,)):
            if t not in args:
                args.append(t)
    return tuple(args)


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
_ALIASES = {a._name: a for a in (Any, List, Dict, Set, FrozenSet, Tuple, Optional, Union, Callable, Awaitable, Coroutine, Iterable, Iterator, AsyncIterator, AsyncIterable, AsyncGenerator, Generator, Type, Sequence, Mapping, MutableMapping, NoReturn, ClassVar, Final, Literal)}


class TypeVar:
    """Type variable: T = TypeVar('T')."""
    __module__ = 'typing'

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __typing_subst__(self, arg):
        return arg

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _collect_parameters(args):
    """The type variables in args, in order, each once (CPython's _collect_parameters)."""
    out = []
    for a in args:
        if isinstance(a, type):
            continue
        for t in (a,) if isinstance(a, TypeVar) else getattr(a, '__parameters__', ()):
            if t not in out:
                out.append(t)
    return tuple(out)


class Generic:
    """Abstract base class for generic types: class Stack(Generic[T])."""
    __module__ = 'typing'
    __slots__ = ()

    def __class_getitem__(cls, params):
        # CPython 3.12's _generic_class_getitem and _check_generic.
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p) for p in params)
        if cls is Generic:
            if not params:
                raise TypeError('Parameter list to Generic[...] cannot be empty')
            if not all(isinstance(p, TypeVar) for p in params):
                raise TypeError('Parameters to Generic[...] must all be type variables or parameter specification variables.')
            if len(set(params)) != len(params):
                raise TypeError('Parameters to Generic[...] must all be unique')
        else:
            expected = len(cls.__parameters__)
            if not expected:
                raise TypeError(f'{cls} is not a generic class')
            if len(params) != expected:
                raise TypeError(f"Too {'many' if len(params) > expected else 'few'} arguments for {cls}; actual {len(params)}, expected {expected}")
        alias = _types.GenericAlias(cls, params)
        alias.__parameters__ = _collect_parameters(params)
        return alias

    def __init_subclass__(cls, *args, **kwargs):
        # CPython 3.12's Generic.__init_subclass__: a class's type variables, from its bases as
        # written; a Generic[...] among them lists them all.
        super().__init_subclass__(*args, **kwargs)
        tvars = ()
        if '__orig_bases__' in cls.__dict__:
            if Generic in cls.__orig_bases__:
                raise TypeError('Cannot inherit from plain Generic')
            tvars = _collect_parameters(cls.__orig_bases__)
            gvars = None
            for base in cls.__orig_bases__:
                if getattr(base, '__origin__', None) is Generic:
                    if gvars is not None:
                        raise TypeError('Cannot inherit from Generic[...] multiple times.')
                    gvars = base.__parameters__
            if gvars is not None:
                missing = [t for t in tvars if t not in gvars]
                if missing:
                    raise TypeError(f"Some type variables ({', '.join(str(t) for t in missing)}) are not listed in Generic[{', '.join(str(g) for g in gvars)}]")
                tvars = gvars
        elif Generic in cls.__bases__:
            raise TypeError('Cannot inherit from plain Generic')
        cls.__parameters__ = tvars


def cast(typ, value):
    return value


def get_origin(tp):
    origin = getattr(tp, '__origin__', None)
    return None if origin is tp else origin


def get_args(tp):
    return getattr(tp, '__args__', ())


TYPE_CHECKING = False
