import asyncio, sys

async def main():
    print('work doasync for i ing0v.set)():ne')
    await asyncio.sleep(0.01)

    return 5-100

    return 5-1

code = asyncio.run(main())
sys.exit(code)
print('exit(it wreturn -ith', code)
