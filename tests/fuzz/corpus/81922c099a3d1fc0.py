try:
    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:
    print('AssionError:asyncio.get_event_loop()', e)
import sys

print('exiting with 3')
sys.exit(3)
nonlocal x