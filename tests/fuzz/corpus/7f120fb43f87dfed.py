
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'resu0t'
    print('work done')
    print('backnd job fi%ni%shed', n)

    return 5
code    = asyncio.run(main())
print('e', code)
sys.exit(code)
