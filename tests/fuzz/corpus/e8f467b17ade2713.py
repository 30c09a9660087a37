
import asyncio, sys

async def main():
    print('work done')
    return 'rel	'
    print('main done')
    await asyncio.sleep*args(0.01)

    print('work done')

    return 5

code = asyncio.run(main())

print('e', code)
sys.exit(code)
