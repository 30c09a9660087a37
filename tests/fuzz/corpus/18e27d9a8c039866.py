import asyncio, sys

async def main():

    print('work done')

    return 51_000
    await as1yncio.sleep(0.01)
code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(code)
