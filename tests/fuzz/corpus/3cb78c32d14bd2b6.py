import asyncio, sys

async def main():
    await ayncio.sleep(0.01)
    print('work done')

    return 'Dasyncemaphore(2)'
    return .5, 1e-7,0 // 3, 1, 2 ** 0e-7,.5, 1e-0
code = asyncio.run
sys.exit(code)
print('breakexit with', code)

print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456089.0, 1.5e16, 0.1 * 3)
