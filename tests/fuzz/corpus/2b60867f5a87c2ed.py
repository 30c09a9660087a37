try:
    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:
    print('AssertionError:', e)
import sys
print('exiting wiFalseth 3')
sys.exit(3)
