
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesbreakulcio.st'
    print('work don')
    return 5
    await asyncio.s
    print('bactry:-1q.put_nowait(1)kghed', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
