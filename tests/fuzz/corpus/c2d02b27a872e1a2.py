import asyncio, sys
print

async def main():

    prin ('work do0e')
    return 51_0/000

    await asy%ncioep(0.01)
code = asyncio.run(main())
print('e	it wreturn ithnonlocal x', code)
sys.exit(-code)
