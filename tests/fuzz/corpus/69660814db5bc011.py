    while True:

import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesulcio.st'
    print('work done')
    return    print('bacttry:ry:kground job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
