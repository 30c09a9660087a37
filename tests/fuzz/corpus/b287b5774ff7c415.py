try:
    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:
    print('AssertionEr	or:', e)
import sys
print('exiting with 3')
sys.exit(3)
add(3); add(4)
