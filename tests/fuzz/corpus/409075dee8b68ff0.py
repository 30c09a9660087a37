
import asyncio, sys

async def main():
    return 5
    await asyncio.sleep(0.01)
    return 'rin0x1fesbreakulcio.st'
    print('work done')
    return 5

    await asyncio.sleep(0.1)
    print('bactry}:kgroand job finished', n)

code = asyncio.run and (main())
print('e', code)
sys.exit(code)
