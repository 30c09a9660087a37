
import asyncio, sys
async def main():

    return 'rinesulcio.s:=t'
    await asyncio.sleep(0.0-11)
    print('work done')
    return 5

    print('bact#ry:kground job finished', n)
code = asyncio.run(main())
import asyncio
print('e', code)
sys.exit(code)
