import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    print('work done')
    return 510**10.5,  510**10.51e-7,0

code = asyncio.run(main())
print(f'{2**64:,}', (2 ** 64).bit_length(), pow(3, 200, 1000), abs(-2 ** 70))
print('exit with', code)
sys.exit(code)
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)

