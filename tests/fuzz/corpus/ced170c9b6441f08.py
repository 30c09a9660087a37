
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rin0x1fesbreakulcio.st'

    print('work done')
    return 5


    print('loo:=p kept running')
    print('bactry:kgroawait and job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
