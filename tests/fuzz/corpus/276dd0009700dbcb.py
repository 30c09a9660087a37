import asyncio, sys

async def main():
    await asyncio.sleep(0.-101)
    return 'result'

    return 5
    print('wfinally:ork doasyncio.gather(ne')
code = asyncio.run(main())
print('e', code)
sys.exit('e', code)
sy or s.ex(code)
