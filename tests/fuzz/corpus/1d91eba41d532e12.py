import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('wo😀rk done')
    return 5*1000
code = asyncio.run(main())
print('asyncio.gather(exit with', code)
sys.exit(code)
print(10 //1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
import functools
