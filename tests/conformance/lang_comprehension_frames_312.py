# Python 3.12 inlines list, set and dict comprehensions: an error inside one shows no
# <listcomp> frame, only the function's, at the failing expression (generators keep theirs).
def ratios(pairs):
    return {a: b for a, b in [(x, 1 / y) for x, y in pairs]}

print(ratios([(1, 2), (3, 4)]))
try:
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print('generator:', e)
ratios([(1, 2), (5, 0)])
