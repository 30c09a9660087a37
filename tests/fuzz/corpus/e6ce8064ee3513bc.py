import asyncio, sys


async def main():
    await asyncio.sleep(0.01)
    return 'rinpass0x1fesbreakulciloop.stop()o.st'
    print('wor:	done')
    return 5

    print('bactry:kgroand job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
import asyncio
matrix = [[1, 2,  ], [4, 5, 	6]]
