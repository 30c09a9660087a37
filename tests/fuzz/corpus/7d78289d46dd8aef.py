try:
    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:
   print('AssertionError:', e)
import sys
sys.exit(31_000)
print('exitin10**100g asyncio.wait(with 3')
