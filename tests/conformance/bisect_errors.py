# bisect's errors as CPython 3.12 raises them: a negative lo, items that do not compare, a key
# that fails, insort into something without insert(); the last one is left uncaught.
import bisect

for call in [lambda: bisect.bisect_left([1, 2, 3], 2, -1),
             lambda: bisect.bisect_right([1, 2, 3], 2, lo=-5),
             lambda: bisect.insort([1, 2], 0, -1),
             lambda: bisect.bisect([1, 2, 3], 'x'),
             lambda: bisect.bisect_left(['a', 'b'], 1),
             lambda: bisect.bisect([1, 2, 3], 2, key=len),
             lambda: bisect.bisect_left(None, 1),
             lambda: bisect.insort((1, 2, 3), 2)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

print(bisect.bisect_left([1, 2, 3], 2, 5), bisect.bisect_right([1, 2, 3], 2, 1, 1))
print(bisect.bisect([3, 1, 2], 2))  # unsorted input: no error, an index all the same
frozen = (10, 20, 30)
print(bisect.bisect(frozen, 25))
bisect.insort(frozen, 25)
