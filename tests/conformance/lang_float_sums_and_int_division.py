# Python 3.12's sum() of floats is compensated (Neumaier), int / int is correctly rounded past 2**53,
# and an int past the float range raises OverflowError instead of becoming inf.
print(sum([0.1, 0.2, 0.3]), sum([0.1] * 10), sum([1e100, 1.0, -1e100, 1.0]), sum([1, 2.5, 3]), sum([0.5, 1, 2**70]), sum([], 0.0))
for f in (lambda: float(2**1024), lambda: 2**1024 + 0.5, lambda: 0.5 * 10**400):
    try:
        f()
    except OverflowError as e:
        print('OverflowError', e)
print(float(2**1023), 2**1023 * 1.0)
print(929339868545501023259 / 220153, (10**400) / (10**399), 2**1100 / 3**600, -7 / 2**60, (2**60 + 1) / 3, 10**30 / 7)
print(1 / 3, -(2**70) / 3, 2**53 / 3, (2**53 + 1) / 1, 6 / -4)
try:
    10**400 / 1
except OverflowError as e:
    print('OverflowError', e)
print(1 / 10**400, 2**-1070 if False else 1 / 2**1074, 3 / 2**1076)
