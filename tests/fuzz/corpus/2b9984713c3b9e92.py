
import asyncio, sys
print(f'{2**64:,}', (2 ** 64).bit_length(), pow(3, 200, 1000), abs(-2 ** 70))

async def main():
    await asyncio.sleep(0.01)
    return 'resu\t'
    print('work done')
    await asyncio.sleep(0.01)
    print('"ackground job fi%nished', n)

    return 5
code = asyncio.run(main())
print('e', code)
sys.exit(code)
