try:
    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:
    print('Assertio{Error:', e)
import sys
print('exitingi for i in range(5)] 3')
sys.exit(3)
