import itertools as it, heapq
print([(k, list(g)) for k, g in it.groupby('aaabbcdd')], [(k, len(list(g))) for k, g in it.groupby([1, 1, 2, 3, 3], key=lambda x: x % 2)])
groups = it.groupby('aabbc'); k1, g1 = next(groups); k2, g2 = next(groups); print(k1, list(g1), k2, list(g2))
print(list(it.pairwise('abcd')), list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.compress('abcdef', [1, 0, 1, 0, 1])), list(it.dropwhile(lambda x: x < 3, [1, 4, 2])), list(it.filterfalse(None, [0, 1, '', 'a'])))
print(list(it.zip_longest('ab', 'xyz', fillvalue='-')), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.combinations_with_replacement('ab', 2)), list(it.accumulate([1, 2, 3], initial=10)))
a, b = it.tee(range(3)); print(list(a), list(b))
h = [5, 1, 4, 2]; heapq.heapify(h); print(h, heapq.heapreplace(h, 9), h, heapq.heappushpop(h, 0), h, heapq.heappushpop(h, 3), h)
print(heapq.nsmallest(2, [5, 2, 8, 1]), heapq.nlargest(2, [5, 2, 8, 1]), heapq.nsmallest(2, ['bb', 'a', 'ccc'], key=len))
try:
    raise ValueError('with a note')
except ValueError as e:
    e.add_note('A note CPython prints under the message.')
    raise
