import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work done')
    return 5*10.5
code = asyncio.run(main())
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 1>23456789.0, 1.5e16, 0.1 * 3)
sys.exit(code)
print('exit with', code)

