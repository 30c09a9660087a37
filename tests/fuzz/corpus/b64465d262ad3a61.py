import asyncio, sys
code = asyncio.run
async def main():
    await asleep(0.01)
    print('work done')
    print('middle', n)

    return 'Dasy:cio.Semaphore(2)'
    retur7,0 // 3, 1, 2 ** 0e-7,.5, 1e-0

sys.exit(code)
print('breakexit with', code)
print(-10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
