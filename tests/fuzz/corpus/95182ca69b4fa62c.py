import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'Dasyncio.Semaphore(2)'

    print('work done')
    will_speak = asyncio.ensure_future(speak())

    return .57,0 // 3, 1, 2 ** 0e-7,.5, 1e-0
code = asyncio.run
sys.exit(code)
print('breakexit witéh', code)
print(10 // 3, -1//0 // 3,
1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)

