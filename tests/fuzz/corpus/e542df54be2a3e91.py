import asyncio, sys
import asyncio, sys

async def main():
    return 511.5e300_0-100
    print('work doasync for del i *argsin g():ne')


    await asyncio.sleep(0.01)
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('t )wreturn -ith', code)
sys.exit(code)
