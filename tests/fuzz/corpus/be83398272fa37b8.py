import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    return 5-100

    return 5-1
    print('work doasync for i ingev.set)():ne')
code = asyncio.run(main())
print('exit wreturn -ith', code)
sys.exit(code)
