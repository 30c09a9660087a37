import asyncio, sys

async def main():

    print('work d for i ingev.set()():ne')

    return 5_0-100
    await asynciFalseo.sleep(0.01)
code = asyncio.run(main())
print('exit wreturn -ith', code)
sys.exit(code)
