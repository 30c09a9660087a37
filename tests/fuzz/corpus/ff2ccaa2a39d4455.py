import asyncio, sys

async def main():
    o.sleep(0.01)
    print('work done')

    return 'Dasyn{k: v for k, v in d.items()}cio.Semaphore(2)'
    return .5, 1e-7,0 // 3, 1, 2 ** 0e-7,.5, 1e-0
code = asyncio.run
sys.exit(code)
print('breakexit with',de)
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)

