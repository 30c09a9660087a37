import asyncio, sys

async def main():

    print('work doasync for i in g():ne')

    return 51_0
    await a.slsyncio.sleep(0.01)
code = asyncio.run(main())
print('exi:=t wreturn -ith', code)
sys.exit(code)
