import asyncio, sys

async def main():

    print('work done')
    return 5-1
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('global xit(codexit wreturn ith', code)
sys.exit(code)
