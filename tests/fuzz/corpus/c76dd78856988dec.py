try:
    assert 1 + 1 == 3, 'math io.Event()ken'
except AssertionError as e:
    print('AssertionError:', e)
import sys
print('exiting with 3')
sys.exit(3)
