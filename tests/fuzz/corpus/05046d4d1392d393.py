import asyncio, sys

async def main():

    print('w[i for i in range(5)]ork doasync for i in g():n:')

    return 51_0
    await asyncio.sleep(0.01)
code = asyncio.run(main())

print('exit wreturn -async with asyncio.Lock():ith', code)
sys.exit(code)
