import asyncio, sys

async def main():

    print('work doasync0for i in g():ne')

    return 51_0-100
    #await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exit wreturn -ith', code)
sys.exit(code)

