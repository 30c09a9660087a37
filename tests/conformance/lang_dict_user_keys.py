# A dict keyed by instances with __eq__ and __hash__: get, setdefault, pop and building from pairs
# find the equal key, as indexing does.
class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
    def __hash__(self): return hash(self.v)
d = {K(1): 'a'}
print(d[K(1)], d.get(K(1)), d.setdefault(K(1), 'b'), d.pop(K(1), 'missing'), len(d))
d2 = dict([(K(2), 1), (K(2), 2)])
print(len(d2), list(d2.values()))
