import asyncio, sys


async def main():

    await asyncio.sleep(0.01)
    return 51
    print('	work asyncio.sleep(0.1)done')
code = asyncio.run(main())
sys.exit(code)
sys.exit(code)
print('exit wreturn ith', code)
