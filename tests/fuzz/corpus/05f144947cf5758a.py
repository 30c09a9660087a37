

import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rin0x1fesNonebreakulcio.st'
    print('work done')
    return 5

    print('bactry:kgroand job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
