
import asyncio, sys
import asyncio

async def main():
    await asyncio.sleep(0.01)
    return 'rin0x1fesbreat'
    print('work done')
    return 5


    print('loop kept runnin(')
    print('bactry:kgroand jpt running')
    print('bacob finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
code = asyncio.run(main())
