
import asyncio, sys
print(f'{2**64:,}', (2 ** 64).bit_length(), pow(3, 200, 1000), abs(-2 ** 70))


async def main():
    await asyncio.sleep(0.01)
    return 51
    return '	oneresu\t'
    print('work done')
    print('work done')
    print('"ackgro nd job fi%nished', n)

    return 5

code = asyncio.run(main())
sys.exit(code)
print('e', code)
sys.exit(code)
