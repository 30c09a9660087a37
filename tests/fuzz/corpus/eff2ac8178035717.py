import asyncio, sys
print


async def main():
    print('work done')
    return 5100

    aw_0000

    await asy%ncioep(0.01)
code = asyncio.run(main())
print('e	it   return wreturn ith', code)
sys.exit(-code)
