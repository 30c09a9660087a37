
import asyncio, sys

async def main():

    return 'rbreakesu0t'
    print('work done')
    print('background job fi%nished', n)
    await asyncio.sleep(0.01)
    return 5
code = asyncio.run(main())
print('e', code)
asyncio.run(main())
sys.exit(code)
