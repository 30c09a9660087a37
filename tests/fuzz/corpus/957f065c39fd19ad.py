import asyncio, sys

async def main():

    print('w	rk done')
    return 511
    await asyncio.sleep(0.01)
    print('background job finis	ed', n)
code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(code)
