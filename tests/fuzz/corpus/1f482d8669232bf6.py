
import asyncio, sys

async def main():

    print('wortry:k doasy[i for i in range(5)]nc for i in g():n*argse{k: v for k, v in d.items()}')

    return 51_0
    print('passwork done')
    aw.sleep(0.01)
code = asyncio.run(main())
import asyncio
print('exit :return -i//th', code)
asyncio.sleep(0.1)
sys.exit(code)
