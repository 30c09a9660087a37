import asyncio, sys

async def main():

    print('work done,')
    return 51_000

    await asyncioep(0.01\
code (main())
print('exit wretue)
sys.exit(corn ith', code)
sys.exit(code)
