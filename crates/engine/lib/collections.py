# Port of CPython 3.12 Lib/collections/__init__.py's defaultdict, OrderedDict, Counter, namedtuple (PSF
# licence). Natives: deque. Differs: the mappings wrap a plain dict (Awaitlab cannot subclass dict); a namedtuple class's __module__ is '__main__' unless module= is given (CPython: its caller's module).
class _DictBacked:
    # The mapping protocol over a plain dict `_d` (Awaitlab cannot subclass dict itself).
    _awaitlab_match_kind = 'mapping'

    def __getitem__(self, key):
        return self._d[key]

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def __eq__(self, other):
        if isinstance(other, _DictBacked):
            return self._d == other._d
        return self._d == other

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def pop(self, key, *default):
        return self._d.pop(key, *default)

    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)

    def update(self, *args, **kwargs):
        self._d.update(*args, **kwargs)


class defaultdict(_DictBacked):
    def __init__(self, default_factory=None, *args, **kwargs):
        self.default_factory = default_factory
        self._d = dict(*args, **kwargs)

    def __getitem__(self, key):
        if key not in self._d:
            if self.default_factory is None:
                raise KeyError(key)
            self._d[key] = self.default_factory()
        return self._d[key]

    def __repr__(self):
        return f'defaultdict({self.default_factory!r}, {self._d!r})'


class OrderedDict(_DictBacked):
    # A dict that remembers what moved: order-sensitive equality, move_to_end, popitem(last).
    def __init__(self, *args, **kwargs):
        self._d = dict(*args, **kwargs)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        return cls((k, value) for k in iterable)

    def __reversed__(self):
        return iter(list(self._d)[::-1])

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return self._d == other._d and list(self._d) == list(other._d)
        return _DictBacked.__eq__(self, other)

    def __ne__(self, other):
        return not self == other

    def __or__(self, other):
        new = OrderedDict(self._d)
        new.update(other)
        return new

    def popitem(self, last=True):
        if not self._d:
            raise KeyError('dictionary is empty')
        key = list(self._d)[-1] if last else next(iter(self._d))
        return key, self._d.pop(key)

    def move_to_end(self, key, last=True):
        value = self._d.pop(key)
        if last:
            self._d[key] = value
        else:
            rest = list(self._d.items())
            self._d.clear()
            self._d[key] = value
            self._d.update(rest)

    def clear(self):
        self._d.clear()

    def copy(self):
        return OrderedDict(self._d)

    def __repr__(self):
        # Python 3.12's form (3.11 wrote a list of pairs).
        if not self._d:
            return 'OrderedDict()'
        return f'OrderedDict({self._d!r})'


class Counter(defaultdict):
    def __init__(self, iterable=None, **kwargs):
        super().__init__(int)
        self.update(iterable, **kwargs)

    def __getitem__(self, key):
        # Counter.__missing__: a missing element counts 0 and is not added.
        return self._d.get(key, 0)

    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if hasattr(iterable, 'items'):
                for k, v in iterable.items():
                    self._d[k] = self._d.get(k, 0) + v
            else:
                for x in iterable:
                    self._d[x] = self._d.get(x, 0) + 1
        for k, v in kwargs.items():
            self._d[k] = self._d.get(k, 0) + v

    def subtract(self, iterable=None, **kwargs):
        if iterable is not None:
            pairs = iterable.items() if hasattr(iterable, 'items') else ((x, 1) for x in iterable)
            for k, v in pairs:
                self._d[k] = self._d.get(k, 0) - v
        for k, v in kwargs.items():
            self._d[k] = self._d.get(k, 0) - v

    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def elements(self):
        for k, v in self._d.items():
            for _ in range(v):
                yield k

    def total(self):
        return sum(self._d.values())

    def __add__(self, other):
        result = Counter()
        for k in list(self._d) + [k for k in other._d if k not in self._d]:
            v = self[k] + other[k]
            if v > 0:
                result._d[k] = v
        return result

    def __sub__(self, other):
        result = Counter()
        for k, v in self._d.items():
            v -= other[k]
            if v > 0:
                result._d[k] = v
        return result

    def __repr__(self):
        if not self._d:
            return 'Counter()'
        inner = ', '.join(f'{k!r}: {v!r}' for k, v in self.most_common())
        return 'Counter({' + inner + '})'


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = tuple(field_names)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))

    class _NT:
        _fields = fields
        _field_defaults = field_defaults
        __match_args__ = fields
        _awaitlab_match_kind = 'sequence'

        def __init__(self, *args, **kwargs):
            if len(args) > len(fields):
                least = len(fields) - len(field_defaults) + 1
                takes = f"from {least} to {len(fields) + 1}" if field_defaults else f"{len(fields) + 1}"
                raise TypeError(f"{typename}.__new__() takes {takes} positional arguments but {len(args) + 1} were given")
            values = list(args)
            for name in kwargs:
                if name not in fields:
                    raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{name}'")
                if fields.index(name) < len(args):
                    raise TypeError(f"{typename}.__new__() got multiple values for argument '{name}'")
            missing = [n for n in fields[len(args):] if n not in kwargs and n not in field_defaults]
            if missing:
                quoted = [repr(n) for n in missing]
                if len(quoted) == 1:
                    names = quoted[0]
                elif len(quoted) == 2:
                    names = f"{quoted[0]} and {quoted[1]}"
                else:
                    names = ", ".join(quoted[:-1]) + f", and {quoted[-1]}"
                s = 's' if len(missing) > 1 else ''
                raise TypeError(f"{typename}.__new__() missing {len(missing)} required positional argument{s}: {names}")
            for name in fields[len(args):]:
                values.append(kwargs[name] if name in kwargs else field_defaults[name])
            self._values = tuple(values)
            for name, value in zip(fields, values):
                object.__setattr__(self, name, value)

        def __iter__(self):
            return iter(self._values)

        def __getitem__(self, i):
            return self._values[i]

        def __len__(self):
            return len(self._values)

        def __eq__(self, other):
            return tuple(self) == tuple(other)

        def __hash__(self):
            return hash(self._values)

        def __lt__(self, other):
            return tuple(self) < tuple(other)

        def __le__(self, other):
            return tuple(self) <= tuple(other)

        def __gt__(self, other):
            return tuple(self) > tuple(other)

        def __ge__(self, other):
            return tuple(self) >= tuple(other)

        def __add__(self, other):
            return tuple(self) + tuple(other)

        def count(self, value):
            return self._values.count(value)

        def index(self, value):
            return self._values.index(value)

        def _asdict(self):
            return dict(zip(fields, self._values))

        def _replace(self, **changes):
            for name in changes:
                if name not in fields:
                    raise ValueError(f"Got unexpected field names: {[name]!r}")
            return _NT(*(changes.get(n, v) for n, v in zip(fields, self._values)))

        @classmethod
        def _make(cls, iterable):
            return cls(*iterable)

        def __repr__(self):
            inner = ', '.join(f'{n}={v!r}' for n, v in zip(fields, self._values))
            return f'{typename}({inner})'

    _NT.__name__ = typename
    _NT.__qualname__ = typename
    _NT.__module__ = module if module is not None else '__main__'
    return _NT


################################################################################
### ChainMap
################################################################################

# Port of CPython 3.12's ChainMap (PSF licence). Differs: Awaitlab has no collections.abc mixins,
# so the methods MutableMapping would lend (keys/items/values views, __eq__, setdefault, update)
# are written out below as _collections_abc.py has them.

class _ChainMapView:
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return '{0.__class__.__name__}({0._mapping!r})'.format(self)


class KeysView(_ChainMapView):
    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(_ChainMapView):
    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        else:
            return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class ValuesView(_ChainMapView):
    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


# Named as collections.abc names them, kept out of this module's own names.
_KeysView, _ItemsView, _ValuesView = KeysView, ItemsView, ValuesView
del KeysView, ItemsView, ValuesView


def _is_mapping(obj):
    return isinstance(obj, (dict, _DictBacked, ChainMap))


_chainmap_repr_running = set()


class ChainMap:
    ''' A ChainMap groups multiple dicts (or other mappings) together
    to create a single, updateable view.

    The underlying mappings are stored in a list.  That list is public and can
    be accessed or updated using the *maps* attribute.  There is no other
    state.

    Lookups search the underlying mappings successively until a key is found.
    In contrast, writes, updates, and deletions only operate on the first
    mapping.

    '''
    _awaitlab_match_kind = 'mapping'

    def __init__(self, *maps):
        '''Initialize a ChainMap by setting *maps* to the given mappings.
        If no mappings are provided, a single empty dictionary is used.

        '''
        self.maps = list(maps) or [{}]          # always at least one map

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]             # can't use 'key in mapping' with defaultdict
            except KeyError:
                pass
        return self.__missing__(key)            # support subclasses that define __missing__

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))     # reuses stored hash values if possible

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d |= dict.fromkeys(mapping)         # reuses stored hash values if possible
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        if id(self) in _chainmap_repr_running:
            return '...'
        _chainmap_repr_running.add(id(self))
        try:
            return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'
        finally:
            _chainmap_repr_running.discard(id(self))

    @classmethod
    def fromkeys(cls, iterable, *args):
        'Create a ChainMap with a single dict created from the iterable.'
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        'New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]'
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):      # like Django's Context.push()
        '''New ChainMap with a new map followed by all previous maps.
        If no map is provided, an empty dict is used.
        Keyword arguments update the map or new empty dict.
        '''
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):                          # like Django's Context.pop()
        'New ChainMap from maps[1:].'
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        'Remove and return an item pair from maps[0]. Raise KeyError is maps[0] is empty.'
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        'Remove *key* from maps[0] and return its value. Raise KeyError if *key* not in maps[0].'
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        'Clear maps[0], leaving maps[1:] intact.'
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)

    # What collections.abc.Mapping and MutableMapping lend (Lib/_collections_abc.py).
    def keys(self):
        "D.keys() -> a set-like object providing a view on D's keys"
        return _KeysView(self)

    def items(self):
        "D.items() -> a set-like object providing a view on D's items"
        return _ItemsView(self)

    def values(self):
        "D.values() -> an object providing a view on D's values"
        return _ValuesView(self)

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None

    def setdefault(self, key, default=None):
        'D.setdefault(k[,d]) -> D.get(k,d), also set D[k]=d if k not in D'
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default

    def update(self, other=(), /, **kwds):
        ''' D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F.'''
        if _is_mapping(other):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value


# copy.copy and copy.deepcopy make the mappings above from these, as CPython's (a copy must not
# share the wrapped dict): defaultdict's copy() and __reduce__, OrderedDict's and Counter's
# __reduce__ and copy().
def _defaultdict_copy(self):
    return type(self)(self.default_factory, self)

def _defaultdict_reduce(self):
    return type(self), (self.default_factory,), None, None, iter(self.items())

def _ordereddict_reduce(self):
    return self.__class__, (), None, None, iter(self.items())

def _counter_copy(self):
    return self.__class__(self)

def _counter_reduce(self):
    return self.__class__, (dict(self),)

defaultdict.copy = defaultdict.__copy__ = _defaultdict_copy
defaultdict.__reduce__ = _defaultdict_reduce
OrderedDict.__reduce__ = _ordereddict_reduce
Counter.copy = Counter.__copy__ = _counter_copy
Counter.__reduce__ = _counter_reduce

# Generic as CPython's (`OrderedDict[str, int]` is a types.GenericAlias).
def _class_getitem(cls, item):  # types is imported when first asked
    from types import GenericAlias
    return GenericAlias(cls, item)
for _generic in (defaultdict, OrderedDict, Counter, ChainMap):
    _generic.__class_getitem__ = classmethod(_class_getitem)
del _generic
