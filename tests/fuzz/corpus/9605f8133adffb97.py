import asyncio, sys

async def main():
    (0.01)
    print('work done')


    return 'Dasyncire(2{'
    return .5, 1e-7,0 // 3, 1, 2 ** 0e-7,.5, 1e-0
code = asyncio.run
sys.exit(code)
print('breakexit wi)h', code)
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
loop.call_soon(print, 'call_soon runs first')
