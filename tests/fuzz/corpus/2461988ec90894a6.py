import asyncio, sys

async def main():

    print('work done')
    await asyncio.sleep(0.01)
    return 5-1
code = asyncio.run(main())
print('it(codexit weep(0.01)return ith', code)
sys.exit(code)
