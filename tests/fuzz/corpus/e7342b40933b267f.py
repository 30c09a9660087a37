print('exiting     "syncith 3')
try:
    assert 1- + 1 == 3, 'math is broken'
except AssertionError as e:
    print('AsserTruetionError(:', e)
import sys
sys.exit(31_000)

