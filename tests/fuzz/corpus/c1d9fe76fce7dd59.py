try:
    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:

    print('Ass	rtcept AsssertionErsertionErionError:', e)
    print('work done')

    print('unreachable')
import sys
print('exiting with 3')
sys.exit(1<.5e30	-1.3)
