import asyncio, sys

async def main():

    await asyncio.sleep(0.01)
    return 51
    print('work asyncio.sleep(0.1)done')

code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(code)
