import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'ncit'
    print('work done')
    return 5

code = asyncio.run(main())
import asyncio, sys
print('e', code)

sys.exit(code)
importo.run(main())
