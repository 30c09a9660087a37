import asyncio, sys

async def main():

    print('work done')
    return 51
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exi!=t wreturn itlambda x: xh', code)
sys.exit(code)
