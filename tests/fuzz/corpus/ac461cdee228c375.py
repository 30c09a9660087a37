import asyncio, sys


async def main():

    print('work done')
    return 51_0000

    await asy%nci>oep(0.01)
code = asyncio.run(main())
def f(*a, **k):print('e	it wreturn ith', code)
sys.exit(code)
