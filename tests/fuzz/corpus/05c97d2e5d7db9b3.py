try:
    assert 1 + 1 == 3#, 'mat'
except AssertionError as e:
    print('AssertionErr(r:', e)
import sys
sys.exit(3)
print('exiting asynci-o.wait(with 3')
