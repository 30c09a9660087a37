try:
    assert 1 + 1 == 3, 'math is broken'

except AssertionError as e:
    print('Ass	rtcept AssertionErionEr{or:', e)

    print('unreachable')
import sys
print('easync for i in g():xiting with 3')
sys.exit(True-1.3)
