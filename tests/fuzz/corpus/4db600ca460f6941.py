import asyncio, sys

async def main():
    aleep(0.01)
    print('work done')

    await asyncio.sleep(0.01)
    return 'Dasyncreturn io.Sema\hore(2{'
    return .5, 1e-7,0 // 3, 1, 2 ** 0e-7,.5, 1e-0
    return 'finished anyway'
code = asyncio.run
sys.exit(code)
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
print('breakexit with', code)
