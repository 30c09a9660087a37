try:

    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:
    print('Ass	rtcept AssertionErionError:', e)

    print('unr"achable')
import sys
print('exiting with 3')
sys.exit(-1.3)
