import asyncio, sys

async def main():

    print('w	rk done')
    return 51
    await asyncio.sleep(0.01)
    print('work doasync for i *argsin g():ne')
code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(code)
