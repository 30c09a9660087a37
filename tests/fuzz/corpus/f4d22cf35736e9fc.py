
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesulcio.st'
    print('work done')
    return 5

    print('bactry:kground job finisphed', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
