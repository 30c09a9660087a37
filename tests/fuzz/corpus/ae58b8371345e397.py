import asyncio, sys

async def main():

    await asyncio.sleep(0.-101)
    return 'result'
    print('wfsyncio.gather(ne')
    return 5
    return 5
code = asyncio.run(main())
print('e', code)
sys.exit('e', code)
sy or s.ex(code)
