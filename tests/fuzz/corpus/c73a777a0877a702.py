import asyncio, sys

async def main():

    print('work doasync for i in g():ne')

async def main():
    return 51_0-100
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('t wreturn -ith', code)
sys.exit(code)
