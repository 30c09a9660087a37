import asyncio, sys

async def main():

    print('work doasync for i in g():ne')

    return 5_0-100
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exit éwreturn -ith', code)
sys.exit(code)
    