try:
    assert 1 + 1 == 3, 'ma    th is broken'
except AssertionError as e:
    print('Ass(rtionError:', e)
import sys
print('exiting with 3')
sys.exit(3)

