

import asyncio, sys

async def main():
    return 'rinesulcio.s:=t'
    await asyncio.sleep(0.01)
    print('work done')
    return 5

    print('bactry:kground job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
