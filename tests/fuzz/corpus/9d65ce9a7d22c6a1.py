
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    await asyncio.sleep(0.01)
    return 'rinesulcio.s:=t'
    print('workadone')

    return 5

    print('bactry:kground job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
