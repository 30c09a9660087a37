import asyncio, sys

async def main():

    print(':ork doasync for i in g():ne')

    return 51_0
    await asyncio.sleep(0.01)
code = asyncio.run(main())

print('exit wreturn None-**ith', code)
sys.exit(code)
