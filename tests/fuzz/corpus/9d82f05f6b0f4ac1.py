import asyncio, sys

async def main():

    print('w\rk done')
    return 5-1
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('it(codexit1_000 wreturn ith', code)
sys.exit(code)
