# Port of CPython 3.12 Lib/types.py (PSF licence), with Objects/namespaceobject.c's SimpleNamespace
# and descrobject.c's mappingproxy written in Python. Natives: _traceback's CodeType, FrameType, TracebackType.
# Differs: no CellType or descriptor types (UnionType and GenericAlias are Objects/unionobject.c's and genericaliasobject.c's, in Python) (Awaitlab
# has no such objects); DynamicClassAttribute is left out (Awaitlab calls no __get__ of a class of
# Python's); coroutine() always wraps (no code flags to set): a generator function's calls return
# a coroutine that drives the generator as a Task would; a SimpleNamespace's vars() and __dict__
# are copies, not the live dict, and its type is named 'SimpleNamespace' in messages; a GenericAlias copies its origin's __name__, __qualname__, __module__, __doc__ (CPython reads them through) and cannot be starred.
"""
Define names for built-in types that aren't directly accessible as a builtin.
"""
import sys

# Iterators in Python aren't a matter of type but of protocol.  A large
# and changing number of builtin types implement *some* flavor of
# iterator.  Don't check the type!  Use hasattr to check for both
# "__iter__" and "__next__" attributes instead.

def _f(): pass
FunctionType = type(_f)
LambdaType = type(lambda: None)         # Same as FunctionType


class mappingproxy:
    """Read-only proxy of a mapping."""
    __module__ = 'builtins'
    __slots__ = ('_mapping',)

    def __new__(cls, mapping):
        # PyMapping_Check (a __getitem__), and not a list or tuple.
        is_mapping = isinstance(mapping, (dict, str, bytes, range)) or hasattr(mapping, '__getitem__')
        if not is_mapping or isinstance(mapping, (list, tuple)):
            raise TypeError(f"mappingproxy() argument must be a mapping, not {type(mapping).__name__}")
        self = object.__new__(cls)
        object.__setattr__(self, '_mapping', mapping)
        return self

    def __getitem__(self, key):
        return self._mapping[key]

    def __contains__(self, key):
        return key in self._mapping

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __iter__(self):
        return iter(self._mapping)

    def __reversed__(self):
        return reversed(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __eq__(self, other):
        if isinstance(other, mappingproxy):
            other = other._mapping
        return self._mapping == other

    def __or__(self, other):
        if isinstance(other, mappingproxy):
            other = other._mapping
        return self._mapping | other

    def __ror__(self, other):
        if isinstance(other, mappingproxy):
            other = other._mapping
        return other | self._mapping

    def __ior__(self, other):
        raise TypeError("'|=' is not supported by mappingproxy; use '|' instead")

    def __setattr__(self, name, value):
        raise AttributeError(f"'mappingproxy' object has no attribute '{name}'")

    def __repr__(self):
        return f'mappingproxy({self._mapping!r})'

    def __str__(self):
        return str(self._mapping)

    __hash__ = None


MappingProxyType = mappingproxy


class SimpleNamespace:
    """A simple attribute-based namespace."""
    __module__ = 'types'

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        if id(self) in _repr_running:
            return name + '(...)'
        _repr_running.add(id(self))
        try:
            items = (f'{k}={v!r}' for k, v in self.__dict__.items() if isinstance(k, str))
            return f"{name}({', '.join(items)})"
        finally:
            _repr_running.discard(id(self))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __ne__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ != other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return (type(self), (), self.__dict__)

    def __replace__(self, /, **changes):
        result = type(self)(**self.__dict__)
        for key, value in changes.items():
            setattr(result, key, value)
        return result


_repr_running = set()


def _g():
    yield 1
GeneratorType = type(_g())

async def _c(): pass
_c = _c()
CoroutineType = type(_c)
_c.close()  # Prevent ResourceWarning

async def _ag():
    yield
_ag = _ag()
AsyncGeneratorType = type(_ag)

class _C:
    def _m(self): pass
MethodType = type(_C()._m)

BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)     # Same as BuiltinFunctionType

ModuleType = type(sys)

del sys, _f, _g, _C, _c, _ag  # Not for export


# Provide a PEP 3115 compliant mechanism for class creation
def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)

def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        else:
            new_bases[i+shift:i+shift+1] = new_base
            shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)

def prepare_class(name, bases=(), kwds=None):
    """Call the __prepare__ method of the appropriate metaclass.

    Returns (metaclass, namespace, kwds) as a 3-tuple

    *metaclass* is the appropriate metaclass
    *namespace* is the prepared class namespace
    *kwds* is an updated copy of the passed in kwds argument with any
    'metaclass' entry removed. If no kwds argument is passed in, this will
    be an empty dict.
    """
    if kwds is None:
        kwds = {}
    else:
        kwds = dict(kwds) # Don't alter the provided mapping
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        if bases:
            meta = type(bases[0])
        else:
            meta = type
    if isinstance(meta, type):
        # when meta is a type, we first determine the most-derived metaclass
        # instead of invoking the initial candidate directly
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds

def _calculate_meta(meta, bases):
    """Calculate the most derived metaclass."""
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        # else:
        raise TypeError("metaclass conflict: "
                        "the metaclass of a derived class "
                        "must be a (non-strict) subclass "
                        "of the metaclasses of all its bases")
    return winner


def get_original_bases(cls, /):
    """Return the class's "original" bases prior to modification by `__mro_entries__`."""
    try:
        return cls.__dict__.get("__orig_bases__", cls.__bases__)
    except AttributeError:
        raise TypeError(
            f"Expected an instance of type, not {type(cls).__name__!r}"
        ) from None


async def _drive_generator(gen):
    # What a Task does with a generator-based coroutine (Awaitlab cannot await a generator):
    # a bare yield gives the loop one turn; a future yielded bare (not through `yield from`,
    # which Awaitlab's futures do not support) or anything else is thrown back as a bad yield.
    import asyncio
    value, exc = None, None
    while True:
        try:
            if exc is not None:
                yielded = gen.throw(exc)
            else:
                yielded = gen.send(value)
        except StopIteration as stop:
            return stop.value
        value, exc = None, None
        try:
            if yielded is None:
                await asyncio.sleep(0)
            elif asyncio.isfuture(yielded):
                exc = RuntimeError(f'yield was used instead of yield from in task '
                                   f'{asyncio.current_task()!r} with {yielded!r}')
            else:
                exc = RuntimeError(f'Task got bad yield: {yielded!r}')
        except BaseException as e:
            exc = e

def coroutine(func):
    """Convert regular generator function to a coroutine."""

    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')

    # Awaitlab's functions carry no code flags to look at or set: a generator function's calls
    # are driven by a coroutine of their own (_drive_generator), a coroutine's pass through.
    import functools
    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        coro = func(*args, **kwargs)
        if coro.__class__ is GeneratorType:
            return _drive_generator(coro)
        # a native coroutine, or some other object -- pass it through.
        return coro

    return wrapped

EllipsisType = type(Ellipsis)
NoneType = type(None)
NotImplementedType = type(NotImplemented)

__all__ = ['AsyncGeneratorType', 'BuiltinFunctionType', 'BuiltinMethodType', 'CoroutineType',
           'EllipsisType', 'FunctionType', 'GeneratorType', 'LambdaType', 'MappingProxyType',
           'MethodType', 'ModuleType', 'NoneType', 'NotImplementedType', 'SimpleNamespace',
           'coroutine', 'get_original_bases', 'new_class', 'prepare_class', 'resolve_bases']


# ---- Objects/unionobject.c: X | Y of types (the engine makes one when | meets two types) ----

def _union_repr(t):
    if t is None or t is type(None):
        return 'None'
    if isinstance(t, type):
        if t.__module__ == 'builtins':
            return t.__qualname__
        return f'{t.__module__}.{t.__qualname__}'
    return repr(t)


def _union_args(t):
    if isinstance(t, UnionType):
        return t.__args__
    return (type(None) if t is None else t,)


class UnionType:
    """Represent a PEP 604 union type

E.g. for int | str"""
    __module__ = 'types'
    __slots__ = ('__args__',)

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return ' | '.join(_union_repr(a) for a in self.__args__)

    def __or__(self, other):
        if not _unionable(other):
            return NotImplemented
        return _union(self, other)

    def __ror__(self, other):
        if not _unionable(other):
            return NotImplemented
        return _union(other, self)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__args__)


def _unionable(t):
    return t is None or isinstance(t, (type, UnionType, GenericAlias))


def _union(a, b):
    """a | b of types: their union, each once, in order (a single one is itself)."""
    args = []
    for t in _union_args(a) + _union_args(b):
        if t not in args:
            args.append(t)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


# ---- the types of code, frame and traceback objects (the engine's: types/frame.rs) ----
# CPython takes them from a raised exception; here a traceback leaves out this file's frames.
import _traceback
CodeType = _traceback.CodeType
FrameType = _traceback.FrameType
TracebackType = _traceback.TracebackType
del _traceback
__all__ += ['CodeType', 'FrameType', 'TracebackType']


# ---- Objects/genericaliasobject.c: list[int] (the engine makes one when a generic class is subscripted) ----

def _ga_repr_item(p):
    if p is Ellipsis:
        return '...'
    if isinstance(p, list):
        return '[' + ', '.join(_ga_repr_item(q) for q in p) + ']'
    if hasattr(p, '__origin__') and hasattr(p, '__args__'):
        return repr(p)
    if not isinstance(p, (type, FunctionType, BuiltinFunctionType)):
        # CPython asks any object for __qualname__; here an instance would answer its class's.
        return repr(p)
    qualname = getattr(p, '__qualname__', None)
    module = getattr(p, '__module__', None)
    if qualname is None or module is None:
        return repr(p)
    if module == 'builtins':
        return qualname
    return f'{module}.{qualname}'


def _ga_parameters(args):
    params = []
    for t in args:
        if isinstance(t, type):
            continue
        if hasattr(t, '__typing_subst__'):
            found = (t,)
        else:
            found = getattr(t, '__parameters__', ())
            if not isinstance(found, tuple):
                found = ()
        for p in found:
            if p not in params:
                params.append(p)
    return tuple(params)


# Attributes a GenericAlias answers itself; it forwards every other to its origin (ga_getattro).
_GA_OWN = frozenset(('__class__', '__bases__', '__origin__', '__args__', '__unpacked__', '__parameters__',
                     '__typing_unpacked_tuple_args__', '__mro_entries__', '__reduce_ex__', '__reduce__',
                     '__copy__', '__deepcopy__'))


class GenericAlias:
    """Represent a PEP 585 generic type

E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."""
    __module__ = 'types'

    def __new__(cls, *args, **kwargs):
        if kwargs and cls is GenericAlias:
            raise TypeError('GenericAlias() takes no keyword arguments')
        if len(args) != 2:
            raise TypeError(f'GenericAlias expected 2 arguments, got {len(args)}')
        origin, params = args
        self = object.__new__(cls)
        if not isinstance(params, tuple):
            params = (params,)
        self.__origin__ = origin
        self.__args__ = params
        self.__parameters__ = _ga_parameters(params)
        self.__unpacked__ = False
        # Read through to the origin (ga_getattro); the engine's instances would see the class's.
        for name in ('__name__', '__qualname__', '__module__', '__doc__'):
            value = getattr(origin, name, None)
            if value is not None:
                object.__setattr__(self, name, value)
        return self

    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        if name in _GA_OWN or name.startswith('__awaitlab'):
            raise AttributeError(f"'types.GenericAlias' object has no attribute {name!r}")
        return getattr(self.__origin__, name)

    def __repr__(self):
        if len(self.__args__) == 0:
            inner = '()'
        else:
            inner = ', '.join(_ga_repr_item(a) for a in self.__args__)
        return f'{"*" if self.__unpacked__ else ""}{_ga_repr_item(self.__origin__)}[{inner}]'

    def __call__(self, *args, **kwargs):
        obj = self.__origin__(*args, **kwargs)
        try:
            obj.__orig_class__ = self
        except Exception:
            pass
        return obj

    def __getitem__(self, item):
        if not self.__parameters__:
            raise TypeError(f'{self!r} is not a generic class')
        if not isinstance(item, tuple):
            item = (item,)
        if len(item) != len(self.__parameters__):
            raise TypeError(f"Too {'many' if len(item) > len(self.__parameters__) else 'few'} arguments for {self!r};"
                            f" actual {len(item)}, expected {len(self.__parameters__)}")
        subst = dict(zip(self.__parameters__, item))
        new = []
        for a in self.__args__:
            if a in subst:
                new.append(subst[a])
            elif isinstance(a, GenericAlias) and a.__parameters__:
                new.append(a[tuple(subst[p] for p in a.__parameters__)])
            else:
                new.append(a)
        return GenericAlias(self.__origin__, tuple(new))

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and self.__args__ == other.__args__
                and self.__unpacked__ == other.__unpacked__)

    def __ne__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return not self == other

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        if not _unionable(other):
            return NotImplemented
        return _union(self, other)

    def __ror__(self, other):
        if not _unionable(other):
            return NotImplemented
        return _union(other, self)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

    def __reduce__(self):
        return GenericAlias, (self.__origin__, self.__args__)

    def __dir__(self):
        return sorted(set(dir(self.__origin__)) | {'__origin__', '__args__', '__parameters__', '__unpacked__'})


__all__ += ['GenericAlias']
