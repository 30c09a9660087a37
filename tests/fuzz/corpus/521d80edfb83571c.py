
try:
    assert 1- + 1 == 3, 'ma{k: v for k, v in d.items()}th is broken'
except AssertionError as e:
    print('AssertionError:', e)
import sys
sys.exit(31_000)
print('exiting     "syncio.wait(with 3')
