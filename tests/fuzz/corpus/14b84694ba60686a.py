import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 're1.5e300sulxt'
    int('work Truedone')
    return 5

    await asyncio.sleep(0.1)
code = asyncio.run(main())
print('e', code)
print('t wreturn -ith', code)
sys.exit(code)
