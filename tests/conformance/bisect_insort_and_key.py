# bisect as CPython 3.12 has it: bisect_left/right and insort_left/right with lo, hi and key=,
# the documented recipes (grades, searching sorted lists), and a sorted leaderboard kept by
# insort in an asyncio program.
import asyncio
import bisect
from bisect import bisect_left, bisect_right, insort, insort_left

def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    i = bisect.bisect(breakpoints, score)
    return grades[i]

print([grade(score) for score in [33, 99, 77, 70, 89, 90, 100]])

a = [1, 2, 2, 2, 3, 5, 8]
print(bisect_left(a, 2), bisect_right(a, 2), bisect.bisect(a, 2))
print(bisect_left(a, 0), bisect_right(a, 9), bisect_left(a, 4), bisect_right(a, 4))
print(bisect_left(a, 2, 2), bisect_right(a, 2, 0, 2), bisect_left(a, 8, 0, 3))
print(bisect_left([], 1), bisect_right([], 1))

def index(a, x):
    'Locate the leftmost value exactly equal to x'
    i = bisect_left(a, x)
    if i != len(a) and a[i] == x:
        return i
    raise ValueError(f'{x} not in list')

def find_lt(a, x):
    'Find rightmost value less than x'
    i = bisect_left(a, x)
    if i:
        return a[i-1]
    raise ValueError

def find_ge(a, x):
    'Find leftmost item greater than or equal to x'
    i = bisect_left(a, x)
    if i != len(a):
        return a[i]
    raise ValueError

print(index(a, 3), find_lt(a, 3), find_ge(a, 4))
try:
    index(a, 4)
except ValueError as e:
    print('ValueError:', e)

nums = []
for n in [5, 1, 4, 1, 5, 9, 2, 6]:
    insort(nums, n)
print(nums)
insort_left(nums, 5)
bisect.insort_right(nums, 5.0)
print(nums, [type(x).__name__ for x in nums[5:9]])

# key= : records kept sorted by a field (the key is applied to the list's items, not to x
# for bisect_*, but to x too for insort_*).
data = [('red', 5), ('blue', 1), ('yellow', 8), ('black', 0)]
data.sort(key=lambda r: r[1])
keys = [r[1] for r in data]
print(data[bisect_left(keys, 5)])
print(bisect_left(data, 5, key=lambda r: r[1]), bisect_right(data, 5, key=lambda r: r[1]))
insort(data, ('green', 3), key=lambda r: r[1])
insort_left(data, ('white', 5), key=lambda r: r[1])
bisect.insort_right(data, ('grey', 5), key=lambda r: r[1])
print(data)
words = ['apple', 'Banana', 'cherry']
print(bisect.bisect(words, 'b', key=str.lower), bisect.bisect(words, 'B'))

# Strings and tuples compare as usual.
print(bisect_left(['a', 'c', 'e'], 'd'), bisect_right([(1, 'a'), (1, 'b'), (2, 'a')], (1, 'b')))

async def player(board, name, delay, score):
    await asyncio.sleep(delay)
    insort(board, (-score, name))
    rank = bisect_left(board, (-score, name)) + 1
    print(f'{name} scored {score}, rank {rank} of {len(board)}')

async def main():
    board = []
    await asyncio.gather(player(board, 'ann', 0.3, 40), player(board, 'bob', 0.1, 70),
                         player(board, 'cy', 0.2, 55), player(board, 'di', 0.4, 90))
    print([name for _, name in board])

asyncio.run(main())
