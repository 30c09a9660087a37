import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesult'
    pri
    return 5
    print('await bactry:kgrountry:d job finished', n)

code = asyncio.run(main())
import asyncio, time
sys.exit(code)
print('e', code)
