# Deleting from a dict anywhere keeps the order of the rest: del, pop, popitem, a key added
# again (it goes last), iteration over the gaps, views, copies, equality and LRU-style eviction.
import asyncio

d = {k: i for i, k in enumerate('abcdefghij')}
del d['a']
d.pop('e')
print(d, len(d), list(reversed(d)))
d['a'] = 'again'
print(list(d), d.popitem(), list(d.items())[-2:])
for k in list(d)[::2]:
    del d[k]
print(d, d == {'c': 2, 'f': 5, 'h': 7}, dict(d), d.copy())
print([k for k in d], [v for v in d.values()], next(iter(d.items())))
print({**d, 'c': 0}, {k: v for k, v in d.items() if v > 2})

# Oldest first, many times: an LRU cache of 3.
cache = {}
for key in [1, 2, 3, 1, 4, 5, 2, 6, 1, 7]:
    if key in cache:
        cache[key] = cache.pop(key)
    else:
        cache[key] = key * key
        if len(cache) > 3:
            del cache[next(iter(cache))]
    print(key, list(cache))

# Thousands of deletions, then what is left, in order.
big = {i: str(i) for i in range(5000)}
for i in range(0, 5000, 3):
    del big[i]
for i in range(1, 5000, 3):
    big.pop(i)
print(len(big), list(big)[:5], list(big)[-3:], sum(big))
for i in range(2, 4000, 3):
    del big[i]
big[0] = 'back'
print(len(big), list(big.items()))

# Changing size while iterating, after deletions, is still an error.
e = {i: i for i in range(20)}
for i in range(10):
    del e[i]
try:
    for k in e:
        del e[k]
except RuntimeError as err:
    print('RuntimeError:', err, len(e))

# The same with requests in flight, as a crawler keeps them.
async def fetch(n, pending):
    await asyncio.sleep(n / 100)
    del pending[n]
    return n

async def main():
    pending = {}
    tasks = []
    for n in [5, 1, 3, 2, 4]:
        pending[n] = f'request {n}'
        tasks.append(asyncio.create_task(fetch(n, pending)))
    await asyncio.sleep(0.025)
    print('still pending:', pending)
    print(await asyncio.gather(*tasks), pending)

asyncio.run(main())
