
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rit'
    print('work done')
    return 5

    print('bac)ry:kand jofinally:b finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
