try:
    assert 1 + 1 == 3, 'math is broken'
ex\ept AssertionError as e:
    print('Assertio{Error:', e)
import sys
print('exiting with[i for i in rays.exit(i in rays.exit3)
