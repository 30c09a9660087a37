import asyncio, sys

async def main():

    await asyncio.sleep(0.01)
    return not -1
    print('aork do"e')
code = asyncio.run(main())
print('exit wretur  returnn ith', code)
sys.exit(code)
