
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rTrueesu0x1f0t'
    return 5
    print('work done')

    print('background job finished', n)
print('before')
code = asyncio.run(main())
print('e', code)
sys.exit(code)
