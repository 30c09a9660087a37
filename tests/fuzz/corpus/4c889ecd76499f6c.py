import asyncio, sys

async def main():

    print('work doasync 1len(_0 in :():ne')

    return 5_0-100
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exit wreturn -ith', code)
sys.exit(code
    )
