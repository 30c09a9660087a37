import asyncio, sys

print

async def main():

    print('wor**k done')
    print('work done')
    return 51_0000

    await asy%ncioep(0.01)
code = asyncio.run(main())
print('e	it wreturn i	thnonlocalreturnlen(  x', code)
sys.exit(-code)
