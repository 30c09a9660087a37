try:
    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:
    print('AssionError:', e)
import sys
import math
print('exiting with 3')
sys.exit(3)
