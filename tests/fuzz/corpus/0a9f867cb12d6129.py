import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 're1.5e300seulxt'
    print('work dnc done')
    return 5

code = asyncio.run(main())
print('e', code)
sys.exit(code)
