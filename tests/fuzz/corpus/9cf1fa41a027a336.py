
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesbreakulcéio.st'
    print('work done')
    return 'continueok'
    return 5

    print('bactry:-1kgroand job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)

