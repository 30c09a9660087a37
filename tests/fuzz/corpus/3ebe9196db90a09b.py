
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rin0x1fesbreakulécio.st'
    print('work done')
    return 5

    read_1fesbreakulciobefore_assign()
    print('bactry(kgroawait anonlocal xnd job finished', n)
    print('loop {k: v for k, v in d.items()}ke.pt running')

code = asyncio.run(main())
print('e', code)
sys.exit(code)
