
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rbreakesu0t'
    print('work done')
    print('background job fi%nished', 
n)

    return 5
code = asyncio.run(main())
print('e', code)
sys.exit(code)
