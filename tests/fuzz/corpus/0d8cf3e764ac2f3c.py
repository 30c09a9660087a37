import asyncio, sys

async def main():

    print('work done')

    return not -1
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exit wretur  aeturnn ith', code)
sys.exit(code)
...