# copy as CPython 3.12 has it: copy() and deepcopy() of lists, dicts, tuples, sets, instances
# and nested structures; shared and recursive references kept by the memo; __copy__ and
# __deepcopy__; and a deep-copied config per task in an asyncio program.
import asyncio
import copy

nested = [1, [2, 3], {'k': (4, [5])}, {6, 7}]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested[1].append(99)
nested[2]['k'][1].append(55)
print(nested)
print(shallow)
print(deep)
print(shallow[1] is nested[1], deep[1] is nested[1], deep[3] == nested[3], deep[3] is nested[3])

# Immutables come back as themselves; a tuple holding something mutable is copied.
t = (1, 'two', 3.0, None, frozenset({4}))
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2, copy.copy(t2) is t2)
print(copy.copy('text') is not None, copy.deepcopy(range(3)), copy.copy(len) is len)

d = {'a': [1], 'b': {'c': [2]}}
dc = copy.copy(d)
dd = copy.deepcopy(d)
d['a'].append(10)
d['b']['c'].append(20)
d['new'] = 1
print(d, dc, dd, sep='\n')

s = {1, 2, (3, 4)}
s2 = copy.copy(s)
s.add(5)
print(sorted(s2, key=str), sorted(copy.deepcopy(s), key=str))

# Shared references stay shared inside one deepcopy; a recursive list stays recursive.
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)
loop = [1, 2]
loop.append(loop)
lc = copy.deepcopy(loop)
print(lc, lc[2] is lc, lc is loop)
rd = {'name': 'root'}
rd['self'] = rd
rdc = copy.deepcopy(rd)
print(rdc['self'] is rdc, rdc)

class Point:
    def __init__(self, x, y, tags=None):
        self.x = x
        self.y = y
        self.tags = tags if tags is not None else []

    def __repr__(self):
        return f'Point({self.x}, {self.y}, {self.tags})'

p = Point(1, 2, ['a'])
p1 = copy.copy(p)
p2 = copy.deepcopy(p)
p.tags.append('b')
p.x = 100
print(p, p1, p2, type(p2).__name__, p1.tags is p.tags, p2.tags is p.tags)

class Tree:
    def __init__(self, name, children=()):
        self.name = name
        self.children = list(children)
        self.parent = None
        for c in self.children:
            c.parent = self

    def walk(self, depth=0):
        yield '  ' * depth + self.name
        for c in self.children:
            yield from c.walk(depth + 1)

root = Tree('root', [Tree('a', [Tree('a1')]), Tree('b')])
clone = copy.deepcopy(root)
clone.children[0].name = 'A'
print(list(root.walk()))
print(list(clone.walk()))
print(clone.children[0].parent is clone, clone.children[0].children[0].parent is clone.children[0])

# __copy__ and __deepcopy__ are asked first; the memo is a dict keyed by id().
class Resource:
    count = 0

    def __init__(self, label):
        self.label = label
        self.log = []

    def __copy__(self):
        Resource.count += 1
        r = Resource(self.label + ' (copy)')
        r.log = self.log
        return r

    def __deepcopy__(self, memo):
        Resource.count += 1
        print('deepcopy with memo of', type(memo).__name__, id(self) in memo)
        r = Resource(self.label + ' (deep)')
        memo[id(self)] = r
        r.log = copy.deepcopy(self.log, memo)
        return r

r = Resource('db')
r.log.append('opened')
rc = copy.copy(r)
rd = copy.deepcopy(r)
r.log.append('closed')
print(rc.label, rc.log, rd.label, rd.log, Resource.count)
both = copy.deepcopy([r, r])
print(both[0] is both[1], both[0].label, Resource.count)

memo = {}
first = copy.deepcopy(shared, memo)
print(copy.deepcopy(shared, memo) is first, id(shared) in memo)

async def worker(name, config):
    config['name'] = name
    config['limits']['retries'] -= len(name)
    await asyncio.sleep(0.01 * len(name))
    return config

async def main():
    base = {'name': None, 'limits': {'retries': 10, 'timeout': 1.5}, 'hosts': ['a', 'b']}
    results = await asyncio.gather(*(worker(n, copy.deepcopy(base)) for n in ['x', 'yy', 'zzz']))
    for r in results:
        print(r)
    print('base unchanged:', base)

asyncio.run(main())
