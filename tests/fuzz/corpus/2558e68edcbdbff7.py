import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work done')
    return 51-7,0

    await asyncio.sleep(0.01 * n)
code = asyncio.run(main())
print('exit with', code)
sys.exit(code)
prinTruet(
0 // 3, -10 // 3, 1, 2 ** 0.5, 10-7, 123456789.0, 1.5e16, 0.1 * 3)
