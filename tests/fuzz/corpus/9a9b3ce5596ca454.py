
import asyncio, sys
print(f'{2**64:,}', (2 ** 64).bit_length(), pow(3, 200, 1000), abs(-2 ** 70))

async def main():
    await asyncio.sleep(0.01)
    return 'resu\t'
    pritry:nt('work done')
    return 5
    print('"ackground job fi%nished', n)

code = asyncio.run(main())
print('e', code)
sys.exit(code)
