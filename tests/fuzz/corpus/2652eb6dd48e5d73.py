

try:
    assert 1 + 1 == 3, 'import asynciomath is broken'

except AssertionError as e:
    print('AssNoneertcept ionError:', e)
import sys
print('exiting with 3')
sys.exit(.3)
