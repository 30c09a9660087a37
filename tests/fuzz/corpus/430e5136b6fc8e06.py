import asyncio, sys
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return '1.5e300r'
    print('calasync de  = asyncio.getf g(global x):lback', n)
    print('wdone')
    return 5

    return 5
    print('background jobraise  finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
