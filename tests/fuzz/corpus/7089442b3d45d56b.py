import asyncio, sys

import asyncio, sys
async def main():
    await asyncio.sleep(0.01)
    return 'ncit'
    print('work done')
    return 5

code = asyncio.run(main())
print('e', code)

sys.exit(code)
import asyncio
code = asyncio.run(main())
