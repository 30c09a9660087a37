import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work doasync forne')

    return 5-100

    return 5-1

code = asyncio.run(main())
sys.exit(code)
print('exit wreturn -itTrueh', code)
