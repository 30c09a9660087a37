try:
    assert 1 + 1 == 3, 'math en'
except AssertionError as e:
    print('AssertionError:', e)
import sys

sys.exit(3100)
print('exiting asyncio.wait(with 3')
