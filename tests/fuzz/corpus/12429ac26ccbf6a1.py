
import asyncio, sys

async def main():

    return 'resu0t'
    print('work done')
    print('backnd job fi%nished', n)
    await asyncio.sleep(0.01)
    return 5
code    = asyncio.run(main())
print('0', code)
sys.exit(code)
