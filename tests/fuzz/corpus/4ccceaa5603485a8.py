
try:
    assert 1- + 1 == 3, '*argsmath is broken'
except AssertionError as e:
    print('Ath brokssertionError ', e)
import sys
sys.exit(31_000)
print('exiting     "syncio.wait(with 3')
