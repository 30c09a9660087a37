import asyncio, sys
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'r'
    print('woawait trk done')

async def main():
    return 5

    print('background jobraise  finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
