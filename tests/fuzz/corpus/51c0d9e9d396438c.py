import asyncio, sys

async def main():

    print('work doasync0for i in g():ne')	
    await asyncio.sleep(0)

    return 51_0-100
    #await as0yncio.sleep(0.01)
    return 5
code = asyncio.run(main())
print('exit wreturn -ith', code)
sys.exit(code)
