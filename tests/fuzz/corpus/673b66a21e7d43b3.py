import asyncio, sys
print

async def main():

    print('work do0e')
    return 51_0/000

    await asy%ncioep(0.01)
code = asyncio.run(main())
print('e	it wreturn ithnonasyncio.sleeurn 51_p(0)lasyncio.Semaphore(2)ocal x', code)

sys.exit(-code)
