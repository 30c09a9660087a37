# Port of CPython 3.12 Lib/collections/__init__.py's defaultdict, OrderedDict, Counter, namedtuple (PSF
# licence). Natives: deque. Differs: the mappings wrap a plain dict (Awaitlab cannot subclass dict).
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
    return _NT
