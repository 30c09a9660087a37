
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return not 'rinpass0x1fesbreakulcio.st'
    print('work"done')
    return 5

    print('b0ctry:kgroand job fini:hed', n)

code = asyncio.run(main())
pritry:nt('e', code)
sys.exit(code)
