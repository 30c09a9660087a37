# Awaitlab's own _weakref (CPython 3.12's is C: Objects/weakrefobject.c and Modules/_weakref.c, whose reprs and messages this keeps).
# Natives: _handle, _target, _watch, getweakrefs (modules/weakref.rs; the object's side and its drop hook: types/weakref.rs).
# Differs: ref, ProxyType and CallableProxyType are classes written in Python, so a ref or proxy has a __dict__, and a proxy forwards the
# operations listed below only (no in-place operators, no matrix or bit operators); type names in messages are 'ReferenceType', not 'weakref.ReferenceType'.

__all__ = ['ref', 'proxy', 'getweakrefcount', 'getweakrefs', 'ReferenceType', 'ProxyType', 'CallableProxyType']


class ReferenceType:
    """A weak reference: calling it returns its object, or None once the object is freed."""
    __module__ = 'weakref'
    # The handle (_handle), the callback, the object's hash once computed. The engine reads and
    # clears _awaitlab_callback when the object is freed (vm/finalize.rs).
    __slots__ = ('_awaitlab_ref', '_awaitlab_callback', '_awaitlab_hash')

    def __new__(cls, ob, callback=None, /):
        handle = _handle(ob)
        if callback is None and cls is ReferenceType:
            # As CPython: one plain reference per object, shared.
            for wr in getweakrefs(ob):
                if type(wr) is ReferenceType and wr._awaitlab_callback is None:
                    return wr
        self = object.__new__(cls)
        self._awaitlab_ref = handle
        self._awaitlab_callback = callback
        self._awaitlab_hash = None
        _watch(ob, self, callback is not None)
        return self

    def __init__(self, ob, callback=None, /):
        pass

    def __call__(self):
        return _target(self._awaitlab_ref)

    @property
    def __callback__(self):
        return self._awaitlab_callback

    def __hash__(self):
        if self._awaitlab_hash is not None:
            return self._awaitlab_hash
        ob = _target(self._awaitlab_ref)
        if ob is None:
            raise TypeError('weak object has gone away')
        self._awaitlab_hash = hash(ob)
        return self._awaitlab_hash

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = _target(self._awaitlab_ref), _target(other._awaitlab_ref)
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = _target(self._awaitlab_ref), _target(other._awaitlab_ref)
        if a is None or b is None:
            return self is not other
        return a != b

    def __repr__(self):
        ob = _target(self._awaitlab_ref)
        if ob is None:
            return f'<weakref at {_address(self)}; dead>'
        name = getattr(ob, '__name__', None)
        text = f'<weakref at {_address(self)}; to {type(ob).__name__!r} at {_address(ob)}'
        return text + (f' ({name})>' if isinstance(name, str) else '>')

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


ref = ReferenceType


def _address(ob):
    return f'{id(ob):#x}'


def getweakrefcount(ob, /):
    """Return the number of weak references to 'object'."""
    return len(getweakrefs(ob))


def _remove_dead_weakref(d, key, /):
    """Atomically remove key from dict if it points to a dead weakref."""
    try:
        wr = d[key]
    except KeyError:
        return
    if not isinstance(wr, ReferenceType):
        raise TypeError('not a weakref')
    if wr() is None:
        del d[key]


def _proxied(p):
    ob = _target(p._awaitlab_ref)
    if ob is None:
        raise ReferenceError('weakly-referenced object no longer exists')
    return ob


class ProxyType:
    __module__ = 'weakref'
    __slots__ = ('_awaitlab_ref', '_awaitlab_callback')

    def __init__(self, ob, callback=None):
        object.__setattr__(self, '_awaitlab_ref', _handle(ob))
        object.__setattr__(self, '_awaitlab_callback', callback)
        _watch(ob, self, callback is not None)

    def __getattr__(self, name):
        return getattr(_proxied(self), name)

    def __setattr__(self, name, value):
        if name == '_awaitlab_callback':
            object.__setattr__(self, name, value)
        else:
            setattr(_proxied(self), name, value)

    def __delattr__(self, name):
        delattr(_proxied(self), name)

    def __repr__(self):
        ob = _target(self._awaitlab_ref)
        if ob is None:
            return f'<weakproxy at {_address(self)}; dead>'
        return f'<weakproxy at {_address(self)}; to {type(ob).__name__!r} at {_address(ob)}>'

    def __str__(self):
        return str(_proxied(self))

    def __bool__(self):
        return bool(_proxied(self))

    def __hash__(self):
        raise TypeError(f'unhashable type: {type(self).__name__!r}')

    def __len__(self):
        return len(_proxied(self))

    def __iter__(self):
        return iter(_proxied(self))

    def __next__(self):
        return next(_proxied(self))

    def __contains__(self, item):
        return item in _proxied(self)

    def __getitem__(self, key):
        return _proxied(self)[key]

    def __setitem__(self, key, value):
        _proxied(self)[key] = value

    def __delitem__(self, key):
        del _proxied(self)[key]

    def __eq__(self, other):
        return _proxied(self) == _unwrap(other)

    def __ne__(self, other):
        return _proxied(self) != _unwrap(other)

    def __lt__(self, other):
        return _proxied(self) < _unwrap(other)

    def __le__(self, other):
        return _proxied(self) <= _unwrap(other)

    def __gt__(self, other):
        return _proxied(self) > _unwrap(other)

    def __ge__(self, other):
        return _proxied(self) >= _unwrap(other)

    def __add__(self, other):
        return _proxied(self) + _unwrap(other)

    def __sub__(self, other):
        return _proxied(self) - _unwrap(other)

    def __mul__(self, other):
        return _proxied(self) * _unwrap(other)

    def __truediv__(self, other):
        return _proxied(self) / _unwrap(other)


def _unwrap(ob):
    return _proxied(ob) if isinstance(ob, ProxyType) else ob


class CallableProxyType(ProxyType):
    __module__ = 'weakref'
    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return _proxied(self)(*args, **kwargs)


def proxy(ob, callback=None, /):
    """Create a proxy object that weakly references 'object'."""
    if callable(ob):
        return CallableProxyType(ob, callback)
    return ProxyType(ob, callback)
