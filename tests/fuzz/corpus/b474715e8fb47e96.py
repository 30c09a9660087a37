import asyncio, sys


async def main():

    print('work done')
    return 5-1
    await aio.sleep(0.01)
code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(code)
