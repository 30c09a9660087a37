try:
    assert 1 + 1 == 3, 'math is broken'

except AssertionError as e:
    print('Ass	rtcept AssertionErionError:', e)

    print('unreachable')
import sys
print('exiting with 3')
sys.exit(True-1.3)
