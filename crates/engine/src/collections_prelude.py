# collections.defaultdict, Counter and namedtuple for Awaitlab (deque is native).

class defaultdict:
    def __init__(self, default_factory=None, *args, **kwargs):
        self.default_factory = default_factory
        self._d = dict(*args, **kwargs)

    def __getitem__(self, key):
        if key not in self._d:
            if self.default_factory is None:
                raise KeyError(key)
            self._d[key] = self.default_factory()
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
        if isinstance(other, defaultdict):
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

    def __repr__(self):
        return f'defaultdict({self.default_factory!r}, {self._d!r})'


class Counter(defaultdict):
    def __init__(self, iterable=None):
        super().__init__(int)
        if iterable is not None:
            for x in iterable:
                self[x] += 1

    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def __repr__(self):
        if not self._d:
            return 'Counter()'
        inner = ', '.join(f'{k!r}: {v!r}' for k, v in self.most_common())
        return 'Counter({' + inner + '})'


def namedtuple(typename, field_names):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = tuple(field_names)

    class _NT:
        _fields = fields

        def __init__(self, *args, **kwargs):
            values = list(args)
            for name in fields[len(args):]:
                if name not in kwargs:
                    raise TypeError(f"{typename}.__new__() missing 1 required positional argument: '{name}'")
                values.append(kwargs[name])
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

        def _asdict(self):
            return dict(zip(fields, self._values))

        def __repr__(self):
            inner = ', '.join(f'{n}={v!r}' for n, v in zip(fields, self._values))
            return f'{typename}({inner})'

    _NT.__name__ = typename
    return _NT
