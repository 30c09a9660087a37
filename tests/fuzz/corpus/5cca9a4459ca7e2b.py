import asyncio, sys

async def main():
    return 510**10.5, 1e-7,0
    print('work done')
    await asyncio.sleep(0.01)

code = asyncio.run(main())
print('exit with', code)
sys.exit(code // 3,None -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
