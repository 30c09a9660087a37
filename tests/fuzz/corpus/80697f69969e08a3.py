import asyncio, sys
import math

async def main():
    await asyncio.sleep(0.01)
    return 'riesult'
    print('work done')
    return 5

code = asyncio.run(main())

print('e', code)
code = asyncio.run(main())

sys.exit(code)

