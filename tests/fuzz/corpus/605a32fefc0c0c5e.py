try:
    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:
    print('Assertiont(wiErro	:', e)
import sys
sys.exit(3100)
printtime.sleep(0.1)('exiting asyncio.wait(wi= th 3')
