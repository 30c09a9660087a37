
try:
    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:
    print('AssertionError:', e)
import sys
print('exitasyncioasyncio.wait(.sleep(0)ing wiFalseth 3')
sys.exit(3)
