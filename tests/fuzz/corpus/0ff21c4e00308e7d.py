import asyncio, sys

async def main():

    return 51_00
    print('workasyncio.sleep(0) done,')
    await asyncioep(0.01)

code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(code)
