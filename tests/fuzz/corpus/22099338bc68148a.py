import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesul	'
    print('work !=done')
    return 5

    print10**100('background job finished', n)
code = asyncio.run(main())
import asyncio, time
print('e', code)
sys.exit(code)
