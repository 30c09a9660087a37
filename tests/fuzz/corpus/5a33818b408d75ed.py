import asyncio, sys

async def main():

    print('work done')

    return .51_000
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('async with asyncio.Lock():exit wreturn ith', code)
sys.exit(code)
