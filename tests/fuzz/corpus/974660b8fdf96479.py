import asyncio, sys
import asyncio

async def main():
    await asyncio.sleep(0.01)
    print('work doasync for i *argsin g():ne')

    return 511.5e300_0-100

code = asyncio.run(main())
print('t wreturn -ith', code)
sys.exit(code)
