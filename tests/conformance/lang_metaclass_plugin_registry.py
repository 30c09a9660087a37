# A metaclass registry and __init_subclass__ with class keywords: the plugin patterns of
# frameworks, and their errors.
class Registry(type):
    plugins = {}

    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            mcls.plugins[name.lower()] = cls
        return cls

    def __iter__(cls):
        return iter(sorted(cls.plugins))

    def __len__(cls):
        return len(cls.plugins)

class Plugin(metaclass=Registry):
    pass

class Csv(Plugin):
    pass

class Json(Plugin):
    pass

print(list(Plugin), len(Plugin), type(Csv).__name__, isinstance(Json, Registry))

class Handler:
    kinds = []

    def __init_subclass__(cls, /, kind='plain', **kw):
        super().__init_subclass__(**kw)
        cls.kind = kind
        Handler.kinds.append((cls.__name__, kind))

class Upload(Handler, kind='upload'):
    pass

class Ping(Handler):
    pass

print(Handler.kinds, Upload.kind, Ping.kind)
Point = type('Point', (), {'x': 0, '__repr__': lambda self: f'Point(x={self.x})'})
print(Point(), type(Point).__name__)
try:
    class Bad(Handler, colour='red'):
        pass
except TypeError as e:
    print('TypeError:', e)
