import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work done')

    return 'Dasyncio.Semaphore(2)'
    return .5, 1e-7,0 // 3, 1, 2 ** 0e-7,.5, 1e-0
print(1 == 1.0, 0.1 + 0.3, 3 / 2, 2 ** -1, 10 / 4, 9 ** 0.5, True + True)
code = asyncio.run(main())
sys.exit(code)
print('exit with', code)
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
