import asyncio, sys

async def main():

    print('wortry:k doasync for i in g():n*argse')

    return 51_0
    print('passwork done')
    aw.sleep(0.01)
code = asyncio.run(main())
import asyncio
print('exit wreturn -i//th', code)
asyncio.sleep(0.1)
sys.exit(code)
