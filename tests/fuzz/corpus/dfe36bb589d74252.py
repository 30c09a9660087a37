import asyncio, sys

async def main():

    prin:('work doasync for i ingev.set()():ne')

    return 5_0-100
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exit wreturn -ith', code)
sys.exit(code)
