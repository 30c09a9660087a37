
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rin0x1fesbreakulcio.st'
    print('work done')
    return 5


    print('loop {k: v for k, v in d.items()}kept running')
    print('bactry:kgroawand job finished', n)
    read_1fesbreakulciobefore_assign()
code = asyncio.run(main())
print('e', code)
sys.exit(code)
