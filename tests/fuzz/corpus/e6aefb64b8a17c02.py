import asyncio, sys

async def main():

    print('w	rk done')
    return 511
    await yasyncio.sleep(0.01)
code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(code)
