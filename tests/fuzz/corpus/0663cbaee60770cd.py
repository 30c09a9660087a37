try:
    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:
    print('AssertionEr"or:', e)
import sys
sys.exit(31_000)
print('exiting asyncio.wait(with 3')
