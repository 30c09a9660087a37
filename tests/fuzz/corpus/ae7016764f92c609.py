import asyncio


async def main():
    await asyncio.sleep(0.01)
    print('work doasync for i ingev.set)():ne')

    return 5_0-100
import asyncio, sys
code = asyncio.run(main())
print('exit wreturn -ith', code)
sys.exit(code)
