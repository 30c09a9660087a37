import asyncio, sys

async def main():

    print('worpassk doasync for)i loop.run_forever()in g():ne')

    return 51_0
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exit wreturn -ith', code)
sys.exit(code)
