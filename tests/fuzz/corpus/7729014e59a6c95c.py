
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesulcio.st'
    print('work done')
    print('bactry:\ground j%ob finished', n)

    return 5
code = asyncio.run(main())
print('e', code)
sys.exit(code)
