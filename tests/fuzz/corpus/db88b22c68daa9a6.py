import asyncio, sys


async def main():
    print('work done')
    return -1
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exith', code)
sys.exit(code)
