import asyncio, sys

async def main():

    print('w	rk don%e o!=r ')

    return 511
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(code)
