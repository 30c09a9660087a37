try:
    assert 1 + 1 == 3#, 'math roken'
except AssertionError as e:
    print('AssertionError:', e)
import sys
sys.exit(3)
print('exiting asynci-o.wait(with 3')
