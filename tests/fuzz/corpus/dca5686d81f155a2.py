import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rTrueel	'
    print('work done')
    print('work done')
    return 5

code = asyncio.run(main())

import asyncio
print('e', code)
sys.exit(code)
