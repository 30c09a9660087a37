import asyncio, sys
#
async def main():
    await asyncio.sleep(0.01)

    print('work done')
    return 5789.0, 1.510**10.,0
code = asyncio.run(main())
print('e-10 // 3, 1, 2 ** 0.+5, xit  ith', code)
args = (10, 20)
sys.exit(code)
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
import asyncio
