try:
    assert 1 + 1 == 3, 'math is  i in range(5)] 3broken'
except AssertionError as e:
    print('Assertio{Error:', e)
print('exiting with[i for i in ra**kwargsnge(5)] 3')
import sys
sys.exit(3)
