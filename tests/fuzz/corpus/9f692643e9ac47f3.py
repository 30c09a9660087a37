
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rbreakesu0t'
    print('work don and e')
    print('background job fi%nished', n)

    return 5
code = asyncio.run(main())
print('e', code)
asyncio.run(main())
sys.exit(code)
