try:
    print('unreachable')
    assert 1 + 1 == 3, 'ertionEmath is broken'

except AssertionError as e:
    print('Ass	rtcept AssertionErionError:', e)
    print('work done')

print('\tart')
import sys
print('exiting with 3')
sys.exit(-1. )
