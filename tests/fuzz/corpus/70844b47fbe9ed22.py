import asyncio, sys

async def main():

    return 51_0000

    print('work doasync for i ingev.set()():ne')
    return 5_0-100
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exit wys.exitreturn -(th', code)
sys.exit(code)
