import asyncio, sys

async def main():
    return 5-1
    print('work done')

    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('global xit(codexit wreturn ith', code)
sys.exit(code)
