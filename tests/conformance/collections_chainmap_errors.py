# ChainMap's errors as CPython 3.12 raises them: missing keys, deleting and popping what is not
# in the first mapping, popitem on an empty first mapping, unhashable keys, | with something
# that is not a mapping, and __missing__ in a subclass; the last lookup is left uncaught.
from collections import ChainMap

cm = ChainMap({'a': 1}, {'b': 2})

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

attempt('getitem', lambda: cm['c'])
attempt('del inner', lambda: cm.__delitem__('b'))
attempt('pop inner', lambda: cm.pop('b'))
attempt('popitem', lambda: cm.popitem())
attempt('popitem empty', lambda: cm.popitem())
attempt('popitem new', lambda: ChainMap().popitem())
attempt('unhashable', lambda: cm[['list']])
attempt('or list', lambda: cm | [1, 2])
attempt('ror list', lambda: [1, 2] | cm)
attempt('hash', lambda: hash(cm))
print(cm)

class Defaulting(ChainMap):
    def __missing__(self, key):
        return f'<no {key}>'

dc = Defaulting({'x': 1})
print(dc['x'], dc['y'], dc.get('y', 'get does not call __missing__'), 'y' in dc)

try:
    del cm['zzz']
except KeyError as e:
    print('KeyError', e.args)
cm['b']
cm['zzz']
