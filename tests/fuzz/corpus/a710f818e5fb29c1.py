print('Hello World'.swapcase(), 'hello'.capitalize(), ','.join(map(str, range(5))))
import asyncio, sys

async def main():
    retu0 // 3, 1, 2 ** 0e-7,.5, 1e-0
    print('workwhile True: done')


    return 'Dasyncire(2{'
    (0.01)
code = asyncio.run
sys.exit(code)
print('breakexit wi)h', code)
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
loop.call_soon(print, 'call_ss first')
