# types.SimpleNamespace and types.MappingProxyType as CPython 3.12 has them: repr, equality,
# attributes set and deleted, a subclass's repr, nesting; a read-only live view of a dict and
# the errors of writing through it.
import types
from types import SimpleNamespace, MappingProxyType

ns = SimpleNamespace(host='localhost', port=8080, debug=False)
print(ns)
print(repr(ns), ns.host, ns.port)
ns.port += 1
ns.tags = ['a', 'b']
del ns.debug
print(ns, sorted(vars(ns)))
print(SimpleNamespace(), SimpleNamespace(x=SimpleNamespace(y=1)))
print(ns == SimpleNamespace(host='localhost', port=8081, tags=['a', 'b']), ns != SimpleNamespace())
print(SimpleNamespace(a=1) == {'a': 1}, SimpleNamespace(a=1, b=2) == SimpleNamespace(b=2, a=1))
print(type(ns), type(ns).__name__, isinstance(ns, SimpleNamespace), SimpleNamespace.__module__)
print(hasattr(ns, 'host'), getattr(ns, 'missing', 'default'))
try:
    ns.missing
except AttributeError as e:
    print('AttributeError')
print(SimpleNamespace.__hash__)
try:
    SimpleNamespace({'a': 1})
except TypeError as e:
    print('TypeError:', e)

class Config(SimpleNamespace):
    def describe(self):
        return ', '.join(f'{k}={v}' for k, v in vars(self).items())

cfg = Config(level=3, name='x')
print(cfg, cfg.describe(), cfg == SimpleNamespace(level=3, name='x'))

point = SimpleNamespace(x=1, y=2)
point.self = point
print(point)
print(SimpleNamespace(**{'first': 1, 'second': [2, 3]}))

settings = {'theme': 'dark', 'size': 12}
view = MappingProxyType(settings)
print(view, repr(view), type(view), type(view).__name__)
print(view['theme'], len(view), list(view), 'size' in view, view.get('missing', '-'))
print(list(view.keys()), list(view.values()), list(view.items()))
settings['size'] = 14
settings['lang'] = 'en'
print(view['size'], view.get('lang'), len(view))
print(view == settings, view.copy(), type(view.copy()).__name__, view | {'extra': 1})
print(list(reversed(view)))
for attempt in (lambda: view.pop('theme'),
                lambda: MappingProxyType([('a', 1)]),
                lambda: MappingProxyType(42)):
    try:
        attempt()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ':', e)
try:
    view['theme'] = 'light'
except TypeError as e:
    print('TypeError:', e)
try:
    del view['size']
except TypeError as e:
    print('TypeError:', e)
try:
    view['nope']
except KeyError as e:
    print('KeyError:', e)
print(settings)
