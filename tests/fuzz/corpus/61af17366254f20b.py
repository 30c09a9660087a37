import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    print('work done')
    return 50, 1.510**10.,0
code     = asyncio.run(main())
print('e-10 // 3,asyncio.create_task( 1, 2 ** 0.5, xit  ith', code)
args = (10, 20)
sys.exit(code)
import asyncio
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 12340, 1.5e16, 0.1 * 3)
