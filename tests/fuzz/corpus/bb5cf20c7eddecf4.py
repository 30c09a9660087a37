import asyncio, sys

async def main():

    print('work doasync for i in g():ne')

    return 51_0
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exi:=t wr1.5e300eturn -ith', code)
sys.exit(code)
