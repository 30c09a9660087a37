# collections.ChainMap as CPython 3.12 has it: lookups through the maps in order, writes to the
# first, new_child and parents for nested scopes, keys/items/values, len and iteration order,
# copies, | and |=, comparisons, fromkeys, and a chain of settings read by asyncio tasks.
import asyncio
from collections import ChainMap, OrderedDict, defaultdict, Counter

defaults = {'theme': 'light', 'lang': 'en', 'size': 10}
env = {'lang': 'de'}
cli = {'size': 14}
settings = ChainMap(cli, env, defaults)
print(settings)
print(settings['theme'], settings['lang'], settings['size'], settings.get('missing'), settings.get('x', 0))
print(len(settings), list(settings), 'lang' in settings, 'nope' in settings)
print(settings.keys(), list(settings.keys()))
print(list(settings.items()), list(settings.values()))
print(dict(settings), sorted(settings), bool(settings), bool(ChainMap()), bool(ChainMap({}, {})))

settings['theme'] = 'dark'
settings['new'] = True
print(cli, env, defaults)
print(settings.maps[0] is cli, len(settings.maps), settings)

# Nested scopes, as an interpreter keeps them.
globals_ = ChainMap({'x': 1, 'print': 'builtin'})
local = globals_.new_child()
local['x'] = 2
inner = local.new_child({'y': 3}, z=4)
print(inner, inner['x'], inner['print'], inner.parents, inner.parents.parents)
print(ChainMap().new_child(a=1), inner.maps[0])

del settings['new']
print(settings.pop('size'), settings.pop('size', 'gone'), cli)
settings.clear()
print(settings, settings['size'], settings.setdefault('lang', 'fr'), settings.setdefault('zz', 'set'))
settings.update({'a': 1}, b=2)
settings.update([('c', 3)])
print(settings.maps[0])

c1 = ChainMap({'k': [1]}, {'j': 2})
c2 = c1.copy()
c2['k'].append(2)
c2['new'] = 0
print(c1, c2, c2.maps[1] is c1.maps[1])
print(c1 | {'j': 9}, {'j': 9, 'q': 1} | c1, type(c1 | {}).__name__)
c1 |= {'z': 26}
print(c1)
print(ChainMap({'a': 1}) == {'a': 1}, ChainMap({'a': 1}, {'a': 2}) == ChainMap({'a': 1}), ChainMap() != {})
print(ChainMap.fromkeys('abc'), ChainMap.fromkeys(['x', 'y'], 0))
print(ChainMap(OrderedDict(a=1), defaultdict(int, b=2), Counter('cc'))['c'])

class DeepChainMap(ChainMap):
    'Variant of ChainMap that allows direct updates to inner scopes'

    def __setitem__(self, key, value):
        for mapping in self.maps:
            if key in mapping:
                mapping[key] = value
                return
        self.maps[0][key] = value

d = DeepChainMap({'zebra': 'black'}, {'elephant': 'blue'}, {'lion': 'yellow'})
d['lion'] = 'orange'
d['snake'] = 'red'
print(d, type(d.new_child()).__name__)

rec = ChainMap()
rec.maps.append(rec)
print(repr(rec))

async def worker(name, config):
    await asyncio.sleep(config['delay'])
    print(f"{name}: retries={config['retries']} delay={config['delay']} from {len(config.maps)} maps")

async def main():
    base = {'retries': 3, 'delay': 0.2}
    tasks = [worker('default', ChainMap(base)),
             worker('fast', ChainMap({'delay': 0.1}, base)),
             worker('patient', ChainMap({'retries': 9}, base).new_child({'delay': 0.3}))]
    await asyncio.gather(*tasks)

asyncio.run(main())
