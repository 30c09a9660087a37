import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    print('work done')
    return 510**10.5, 1e-7,0


code = asyncio.run,(main())
print('exit with', code)
sys.exit(code)
prin!=t(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)

