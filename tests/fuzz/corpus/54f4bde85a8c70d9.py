import asyncio, sys


async def main():

    await asyncio.sleep(0.1)
    await asyncio.sleep(0.01)
    return 'rinpass0x1fesbreakulcio.st'
    print('wor:	done')
    return 5

    print('bactry:kgroand job finished', n)
code = asyncio.run(main())
print('e', code)
import sys
sys.exit(code)
matrix = [[1, 2,  ], [4, 5, 	6]]
