# Port of CPython 3.12 Lib/dataclasses.py (PSF licence): the same generated methods, defaults, errors, reprs.
# Natives: none.
# Differs: CPython generates the methods' source and exec()s it; here they are closures over the class's
# fields, with the same behaviour and messages. Annotations are strings in Awaitlab (as under PEP 563),
# which dataclasses supports.
__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY', 'MISSING',
           'fields', 'asdict', 'astuple', 'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        return f'dataclasses.InitVar[{self.type!r}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELD = 'field'
_FIELD_CLASSVAR = 'classvar'
_FIELD_INITVAR = 'initvar'


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _annotation_kind(annotation):
    # The string forms CPython's _is_type recognises for ClassVar, InitVar and KW_ONLY.
    text = annotation if isinstance(annotation, str) else ''
    if isinstance(annotation, InitVar):
        return _FIELD_INITVAR
    if annotation is KW_ONLY:
        return 'kw_only'
    head = text.split('[', 1)[0].strip()
    if head in ('ClassVar', 'typing.ClassVar', 't.ClassVar'):
        return _FIELD_CLASSVAR
    if head in ('InitVar', 'dataclasses.InitVar'):
        return _FIELD_INITVAR
    if head in ('KW_ONLY', 'dataclasses.KW_ONLY'):
        return 'kw_only'
    return _FIELD


def _get_field(cls, a_name, a_type, default_kw_only):
    default = vars(cls).get(a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _annotation_kind(a_type)
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        f.kw_only = False
    if f._field_type is _FIELD and f.default is not MISSING and _unhashable_type(type(f.default)):
        raise ValueError(f'mutable default {type(f.default)} for field {f.name} is not allowed: use default_factory')
    return f


def _unhashable_type(cls):
    # CPython's check: the default's class sets __hash__ to None (list, dict, set, and
    # classes defining __eq__ without __hash__).
    if cls in (list, dict, set):
        return True
    return '__hash__' in vars(cls) and vars(cls)['__hash__'] is None


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    fields = {}
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, '__dataclass_fields__', None)
        if base_fields is not None:
            for f in base_fields.values():
                fields[f.name] = f
    annotations = vars(cls).get('__annotations__', {})
    cls_fields = []
    kw_only_now = kw_only
    kw_only_seen = False
    for name, type_ in annotations.items():
        if _annotation_kind(type_) == 'kw_only':
            if kw_only_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
            kw_only_seen = True
            kw_only_now = True
            continue
        cls_fields.append(_get_field(cls, name, type_, kw_only_now))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(vars(cls).get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in list(vars(cls).items()):
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)

    all_fields = list(fields.values())
    std_fields = [f for f in all_fields if f._field_type is _FIELD]
    init_fields = [f for f in all_fields if f._field_type in (_FIELD, _FIELD_INITVAR)]
    qualname = cls.__qualname__

    if init:
        _check_default_order(init_fields)
        _set_new(cls, '__init__', _make_init(cls, init_fields, frozen, qualname))
    if repr:
        _set_new(cls, '__repr__', _make_repr([f for f in std_fields if f.repr]))
    compared = [f for f in std_fields if f.compare]
    if eq:
        _set_new(cls, '__eq__', _make_compare('__eq__', compared, lambda a, b: a == b))
    if order:
        for name, op in (('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)):
            if name in vars(cls):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. Consider using functools.total_ordering')
            _set_new(cls, name, _make_compare(name, compared, op))
    if frozen:
        for name, fn in (('__setattr__', _frozen_setattr(cls, fields)), ('__delattr__', _frozen_delattr(cls, fields))):
            if name in vars(cls):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')
            _set_new(cls, name, fn)
    has_own_hash = '__hash__' in vars(cls) and vars(cls)['__hash__'] is not None
    hashed = [f for f in std_fields if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash or (eq and frozen):
        if has_own_hash and unsafe_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        if not has_own_hash or unsafe_hash:
            cls.__hash__ = _make_hash(hashed)
    elif eq and not has_own_hash:
        cls.__hash__ = None
    if not getattr(cls, '__doc__', None):
        # inspect.signature's text of the __init__ (annotations are strings here).
        params = []
        for f in init_fields:
            text = f'{f.name}: {f.type!r}'
            if f.default_factory is not MISSING:
                text += ' = <factory>'
            elif f.default is not MISSING:
                text += f' = {f.default!r}'
            params.append(text)
        cls.__doc__ = cls.__name__ + '(' + ', '.join(params) + ')'
    if match_args and '__match_args__' not in vars(cls):
        cls.__match_args__ = tuple(f.name for f in std_fields if f.init and not f.kw_only)
    return cls


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},repr={self.repr!r},eq={self.eq!r},order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},frozen={self.frozen!r})')


def _set_new(cls, name, fn):
    # A method the class defines itself wins (CPython's _set_new_attribute).
    if name in vars(cls):
        return
    fn.__qualname__ = f'{cls.__qualname__}.{fn.__name__}'
    setattr(cls, name, fn)


def _check_default_order(init_fields):
    seen_default = False
    for f in init_fields:
        if f.init and not f.kw_only:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')


def _quoted(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + f', and {quoted[-1]}'


def _make_init(cls, init_fields, frozen, qualname):
    positional = [f for f in init_fields if f.init and not f.kw_only]
    keyword_only = [f for f in init_fields if f.init and f.kw_only]
    accepted = [f.name for f in positional] + [f.name for f in keyword_only]
    has_post_init = hasattr(cls, '__post_init__')
    initvar_names = [f.name for f in init_fields if f._field_type is _FIELD_INITVAR]
    name = f'{qualname}.__init__'
    set_value = object.__setattr__ if frozen else setattr

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            least = sum(1 for f in positional if f.default is MISSING and f.default_factory is MISSING) + 1
            most = len(positional) + 1
            takes = f'from {least} to {most} positional arguments' if least != most else (
                f'{most} positional argument' + ('s' if most != 1 else ''))
            raise TypeError(f'{name}() takes {takes} but {len(args) + 1} were given')
        values = {}
        for f, value in zip(positional, args):
            values[f.name] = value
        for key, value in kwargs.items():
            if key not in accepted:
                raise TypeError(f'{name}() got an unexpected keyword argument {key!r}')
            if key in values:
                raise TypeError(f'{name}() got multiple values for argument {key!r}')
            values[key] = value
        missing = [f.name for f in positional if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            s = 's' if len(missing) > 1 else ''
            raise TypeError(f'{name}() missing {len(missing)} required positional argument{s}: {_quoted(missing)}')
        missing = [f.name for f in keyword_only if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            s = 's' if len(missing) > 1 else ''
            raise TypeError(f'{name}() missing {len(missing)} required keyword-only argument{s}: {_quoted(missing)}')
        for f in init_fields:
            if f.name in values:
                value = values[f.name]
            elif not f.init and f.default_factory is MISSING and f.default is MISSING:
                continue
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f._field_type is _FIELD_INITVAR:
                value = f.default
                values[f.name] = value
                continue
            else:
                value = f.default
                if not f.init:
                    set_value(self, f.name, value)
                    continue
            if f._field_type is _FIELD:
                set_value(self, f.name, value)
            else:
                values[f.name] = value
        if has_post_init:
            self.__post_init__(*[values.get(n, MISSING) for n in initvar_names])

    return __init__


def _make_repr(shown):
    running = set()

    def __repr__(self):
        key = id(self)
        if key in running:
            return '...'
        running.add(key)
        try:
            inner = ', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in shown)
        finally:
            running.discard(key)
        return f'{type(self).__qualname__}({inner})'

    return __repr__


def _make_compare(method, compared, op):
    def compare(self, other):
        if other.__class__ is self.__class__:
            return op(tuple(getattr(self, f.name) for f in compared), tuple(getattr(other, f.name) for f in compared))
        return NotImplemented

    compare.__name__ = method
    return compare


def _make_hash(hashed):
    def __hash__(self):
        return hash(tuple(getattr(self, f.name) for f in hashed))

    return __hash__


def _frozen_setattr(cls, fields):
    def __setattr__(self, name, value):
        if type(self) is cls or name in fields:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        object.__setattr__(self, name, value)

    return __setattr__


def _frozen_delattr(cls, fields):
    def __delattr__(self, name):
        if type(self) is cls or name in fields:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        object.__delattr__(self, name)

    return __delattr__


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in found.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items())
    return obj


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)

def _class_getitem(cls, item):  # types is imported when first asked
    from types import GenericAlias
    return GenericAlias(cls, item)
for _generic in (Field,):
    _generic.__class_getitem__ = classmethod(_class_getitem)
del _generic
