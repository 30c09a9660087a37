d = {}
for k in 'banana':
    d[k] = d.get(k, 0) + 1
print(d)
keys = d.keys()
d['z'] = 0
print(list(keys), len(keys), 'z' in keys, list(d.values()), list(d.items())[0])
print({**d, 'a': 100}, dict(sorted(d.items(), key=lambda kv: -kv[1])))
del d['n']
print(d, d.setdefault('q', 7), d.pop('q'), d.popitem(), d)
try:
    for k in d:
        d['new'] = 1
except RuntimeError as e:
    print('RuntimeError:', e)
