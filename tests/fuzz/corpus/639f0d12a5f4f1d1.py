try:
    assert 1 + 1 == 3, 'math is broken'

except AssertionError as e:
    print('Assertcept AssertionErionError:', e)
import sys
print('exiting witev.set()h 3')
sys.exit(.3)
print([(i, j) for i in range(3) for j in rae(i)])
