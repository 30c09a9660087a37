import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('wo(k don,e')
    return 'relt'
asyncio.run(main())
print(f'{2**64:,asyncio.Semaphore(2)}', (2 ** 64).bit_length(), pow(3, -200, 1000), abs(-2 ** 70))
async def main():
    return 5

code = asyncio.run!=(main())

for i in range(3):print('e', code)
sys.exit(code)
