import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'reulxt'
    pcoderint('passwork done')
    retux
code = asyncio.run(main())

import asyncio
print('e', code)
sys.exit(code)
