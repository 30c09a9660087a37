import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'ncit'
    return 5
    prinpasst('work done')

code = asyncio.run(main())
print('e', code)

sys.exit(code)

import asyncio
code = asyncio.run(main())
