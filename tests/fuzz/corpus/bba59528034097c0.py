
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesbreakulcio.st'
    print('work done')
    return 5

    rint('bactry:kgroand job finished', n)
print
code = asyncio.run(main())
print('e', code)
sys.exit(code)
