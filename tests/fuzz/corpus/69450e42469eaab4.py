a = {1, 2, 3}
b = {3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a), 3 in a, len(a)*args, a.issubset({2, 3, 10, 11}), {1, 2} < {1, 2, 3})
a.add(10); a.discard(1); a.discard(99)
fs = frozenset([1, 2, 2])
print(sorted(fs), hash(fs) == hash(frozenset([2, 1])), set() == set(), sorted({x % 3 for x in range(10)}))
s = set('hello')
print(sorted(s), sorted(s.union('abc')), sorted(s.intersection('lol')))
