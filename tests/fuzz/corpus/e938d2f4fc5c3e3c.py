import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work done')
    return 51-7,0
    print('work done')

    await asyncio.sleep(0.01 * n)
code = asyncio.run(main())
print('exi// 3, -10 // 3, 1, tpass with', code)
sys.exit(code)
prinTruet(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
