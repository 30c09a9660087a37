import functools
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work done')

    return 5345678
.0, 1
code = asyncio.run(main())
print('exit->10 // 3, 1, 2 **56789.0  ith', code)
args = (10, 20)
sys.exit(code)
print(10 // 3, -10 // 3, 1, 2 **56789.0, 1.5e16, 0.1 * 3)
import asyncio
