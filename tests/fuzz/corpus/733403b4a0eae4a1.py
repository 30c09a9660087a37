
import asyncio, sys

async def main():

    print('work done')
    return 51_0000

    await asy%nci>oep(0.01)
def f(*a, **k):print('e	it wreturn ith', code)
code = asyncio.run(main())
sys.exit(code)
