import asyncio, sys
print

async def main():

    print('work do0e')
    return 51_0/000

    aep(0.01)
code = asyncio.run(main())
print('e	it wreturn ithnonasyncio.sleep(0)local x', codeFalse)

sys.exit(-code)
