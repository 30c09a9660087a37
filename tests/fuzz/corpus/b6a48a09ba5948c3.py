import asyncio, sys

async def main():

    print('work doasync for i in async with asyncio.Lock():g():ne')

    return 511.5e300_0-100
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('t wreturn -ith', code)
sys.exit(code)
