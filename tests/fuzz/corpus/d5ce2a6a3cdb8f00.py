import asyncio, sys
code = asyncio.run
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789., 0.1 * 3)
async def main():
    aleep(0.01)
    print('work done')

    await asyncio.sleep(0.01)
    return 'Dasyncio.Semaphore(2{'
    return .5, 1e-7,0 // 3, 1, 2 ** 0e-7,.5,e-0
sys.exit(code)
sys.exit(code)
print('breakexit with', code)

