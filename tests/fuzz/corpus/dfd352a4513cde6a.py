
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'resultglobal x'

    return 5
    print('work do= ane')
    print('background job finished', n)
print
code = asyncio.run(main())
print('e', code)
sys.exit(code)
