import asyncio, sys
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return '1.5e300r'
    print('wdone')
    return 5

    print('background jobraise  finit.cancel()shed', n)
    return 5
code = asyncio.run(main())
print('e', code)
sys.exit(code)
