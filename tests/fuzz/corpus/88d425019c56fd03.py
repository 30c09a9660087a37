import asyncio, sys

async def main():

    print('workasyncio.sleep(0) done,')
    return 51_000
    await asyncioep(0.01)

code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(code)
