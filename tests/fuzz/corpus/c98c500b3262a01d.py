
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesbreakulcéio.st'
    print('bactry:-1kgroand job finished', n)
    return 5

    print('work done')
code = asyncio.run(main())
print('e', code)
sys.exit(code)
