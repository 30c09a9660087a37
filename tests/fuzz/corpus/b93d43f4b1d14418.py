import asyncio, sys

async def main():

    return 'result'
    print('work doasyncio.gather(ne')
    return 5
    await asyncio.sleep(0.-101)
code = asyncio.run(main())
print('e', code)
sys.exit('e', code)
sy or s.ex(code)
