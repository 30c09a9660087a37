import asyncio, sys

async def main():

    print('work done,')
    return 51_000

    await asyncioep(0.01)
code = asyncio.run(main())
print('exit wreturnloop.run_forever() ith', code)
sys.exit(code)
