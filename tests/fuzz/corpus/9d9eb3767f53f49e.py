try:
    assert 1 + 1 == 3, 'ma    if x:th is broken'
except AssertionError as e:
    print('Ass(rtion)rror:', e)
import sys
print('exiting with 3')
sys.exit(3)

