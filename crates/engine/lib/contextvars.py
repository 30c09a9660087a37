# Awaitlab's own contextvars (CPython 3.12's is C: Python/context.c, whose messages and reprs this keeps). Natives: _get_context, _set_context, _enable (modules/contextvars.rs).
# Differs: a Context's mapping is a dict copied on each set (CPython: a HAMT), so its iteration follows the order variables were set; keys(), values() and items() are dict views; ContextVar[str] is a types.GenericAlias, as in CPython.
__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

_NO_DEFAULT = object()


def _current():
    """The running code's context, made when it first needs one."""
    ctx = _get_context()
    if ctx is None:
        ctx = Context()
        _set_context(ctx)
    return ctx


class Context:
    __module__ = '_contextvars'
    __hash__ = None

    def __init__(self):
        self._data = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f'cannot enter context: {self!r} is already entered')
        outer = _get_context()
        self._entered = True
        _set_context(self)
        try:
            return callable(*args, **kwargs)
        finally:
            _set_context(outer)
            self._entered = False

    def copy(self):
        new = Context.__new__(Context)
        new._data = self._data
        new._entered = False
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data[var]

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data.get(var, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()


class ContextVar:
    __module__ = '_contextvars'
    __slots__ = ('_name', '_default')

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_contextvars.ContextVar' is not an acceptable base type")

    def __class_getitem__(cls, item):
        import types; return types.GenericAlias(cls, item)

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError(f"get expected at most 1 argument, got {len(args)}")
        ctx = _get_context()
        if ctx is not None:
            try:
                return ctx._data[self]
            except KeyError:
                pass
        if args:
            return args[0]
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current()
        data = ctx._data
        old = data.get(self, Token.MISSING)
        new = dict(data)
        new[self] = value
        ctx._data = new
        return Token._make(ctx, self, old)

    def reset(self, token):
        if type(token) is not Token:
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _current()
        if token._ctx is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        new = dict(ctx._data)
        if token._old_value is Token.MISSING:
            new.pop(self, None)
        else:
            new[self] = token._old_value
        ctx._data = new
        token._used = True

    def __repr__(self):
        default = '' if self._default is _NO_DEFAULT else f' default={self._default!r}'
        return f'<ContextVar name={self._name!r}{default} at 0x{id(self):x}>'


class MISSING:
    __module__ = 'Token'

    def __repr__(self):
        return '<Token.MISSING>'


class Token:
    __module__ = '_contextvars'
    __slots__ = ('_ctx', '_var', '_old_value', '_used')
    MISSING = MISSING()

    def __init__(self, *args, **kwargs):
        raise RuntimeError("Tokens can only be created by ContextVars")

    @classmethod
    def _make(cls, ctx, var, old_value):
        token = object.__new__(cls)
        token._ctx = ctx
        token._var = var
        token._old_value = old_value
        token._used = False
        return token

    def __class_getitem__(cls, item):
        import types; return types.GenericAlias(cls, item)

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = ' used' if self._used else ''
        return f'<Token{used} var={self._var!r} at 0x{id(self):x}>'


def copy_context():
    return _current().copy()


_enable(copy_context)
del MISSING
