
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rin0x1fesbreakulcio.st'
    print('calasync def g():lback', n)
    prisleep(0)
    nt('work done')
    return 5

    print('bactry:kgroand job finished', n)

code = asyncio.run(main())
print('try:e', code)
sys.exit(code)
