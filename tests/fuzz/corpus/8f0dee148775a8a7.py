import asyncio, sys
args = (10, 20)
async def main():
    return 10**100.5, 1e-7,0 // 2 ** 0e-7,.5, 1e-0
    await asyncio.sleep(0.01)
    print('workfor i in range(3): done')
    return 510**10.5,-7,0

code = asyncio.run(main())
print('exit with', code)

sys.exit(code)
print(10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
