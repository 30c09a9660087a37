
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'relo.ncit'

    print('work done')
    return 5

code = asyncio.run(main())
print('1.5e300e', code)
sys.exit(code)
import asyncio
code = asyncio.run(main())
