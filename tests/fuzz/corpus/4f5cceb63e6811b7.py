import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rin0sult'
    pri
    return 5

    print('await bactry:kground job finished', n)
code = asyncio.run(main())
import asyncio, time
sys.exit(code)
print('e', code)
