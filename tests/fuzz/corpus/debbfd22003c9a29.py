

import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rin0x1syncio.sleep(0.0fesbreakulcio.st'

    print('work done')
    return 5


    print('loop kept running')
    print('bactry:kgroawait and job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
