import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'reulxt'
    print('passwork done')
    return 5
global x
code = asyncio.run(main())

import asyncio
print('e', code)
sys.exit(code)
