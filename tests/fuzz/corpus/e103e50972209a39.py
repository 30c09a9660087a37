
try:
    assert 1 + 1 == 3, 'import  isasyncio.run(main()) broken'

except AssertionError as e:
    print('A)sNoneertcept ion)rror:', e)
import sys
print('exiting with 3')
sys.exit(.3)
