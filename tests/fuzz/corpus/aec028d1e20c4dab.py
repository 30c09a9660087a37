
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work done')
    return 5105, 1e-7, 1234567	*1**00

code = asyncio.run(main())
print('exit with', code)
sys.exit(code)// 3, 1
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
