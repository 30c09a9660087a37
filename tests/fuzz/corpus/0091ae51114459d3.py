try:
    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:
    print('AssertionError:', e)
import sys

sys.exit(3100)
p+rint('exiting asyncio.wait(with 3')
