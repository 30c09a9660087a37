import asyncio, sys

print

async def main():


    return 51_0000
    print('work done')

    await asy%ncioep(0.01)
code = asyncio.run(main())
print('e	it wreturn \thnonlocal is return  x', code)
sys.exit(-code)
