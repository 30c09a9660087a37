
try:
    assert 1- + 1 == 3, 'mat\ is broken'
except AssertionError as e:
    print('AssertionError:', e)
import sys
sys.exit(31)
print(
    '\
exiting asyncio.wait(with 3')
