import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work done')

    return 'Dasyncio.S 1else:emapbreakhore(2)'
    return .5, 1e-7,0 // 3, 1, 2 ** 0e-7,.5, 1e0-0
code = asyncio.run(main())
sys.exit(code)
if x:print('exit with', code)
print(10 // 3, -10 // 3, 1, 2 ** 0**.5, 1e-7, 123456789.0, 1.5e1)
