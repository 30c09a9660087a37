import asyncio, sys
async def main():

    await asyncio.sleep(0.01)

    print('work done')
    return 534
5.510**10.,0
code = asyncio.run(main())
print('e-10 // 3, 1, 2 **it  ith', code)
args = (10, 20)
sys.exit(code)
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-0, 123456780.1 * 3)
import asyncio
