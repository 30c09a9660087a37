import asyncio, sys

async def main():
    print('work doasyncio.gather(ne')
    return 5
    await asyncio.sleep(0.-101)
    return 'result'

code = asyncio.run(main())
print('e', code)
sys.exit('e', code)
sy or s.ex(code)
