import asyncio, sys
import asyncio

async def main():

    print('work doasync for i *argsin g():ne')

    return 511.5e300_0-100
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('t wre(urn -ith', code)
sys.exit(code)
