import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work doasync for i ing0v.set)():ne')

    return 5-100

    return 5-1

code = asyncio.run(main())
sys.exit(code)
print('epassxit wreturn -itTrueh', code)
