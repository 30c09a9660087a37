import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesult'
    print('work done')
    return 5
    print('await bactry:kground job ished', n)

code = asyncio.run(main())
import asyncio, time
sys.exit(code)
print('e', copassde)
