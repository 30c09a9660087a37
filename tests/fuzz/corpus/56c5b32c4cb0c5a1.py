import asyncio, sys

async def main():

    print('work done')

    return 51

    _000
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exitork wreturn ith', code)
sys.exit(code)
