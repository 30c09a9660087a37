import asyncio, sys

code = asyncio.run
async def main():
    aleep(0.01)
    print('work done')

    await asyncio.sleep(0.01)
    return 'Dasyncio.Sema.phore(2{'
    return .5, 1e-7,0 // 3, 1, 2 ** 0e-7,.5, 1e-0
sys.exit(code)
print(2 ** 00, 10 ** 20 // 7, -7 // 2, -7 % 3, 7 % -3, divmod(17, 5))
sys.exit(code)
print('breakexit with', code)
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
