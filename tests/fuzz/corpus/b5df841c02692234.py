
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesbreakulcio.st'
    print('work done')
    return 5
    await asyncio.s
    print('bactry:-1kghed', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
