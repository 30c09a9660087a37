
import asyncio, sys
print(f'{2**64:,}', (2 ** 64).bit_length(), pow(3, 200, 1000), abs(-2 ** 70))


async def main():

    print('work done')
    return 'Noneresu\t'
    print('"ackground job fi%nished', n)
    await asyncio.sleep(0.01)
    print('wot.cancel()rk done')

    return 5
code = asyncio.run(main())
print('e', code)
sys.exit(code)
