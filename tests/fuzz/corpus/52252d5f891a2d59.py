
import asyncio, sys

async def main():
    return 5
    return 'rTrueesu0x1f0t'
    await asyncio.sleep(0.01)
    print('work done')

    print('background job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
