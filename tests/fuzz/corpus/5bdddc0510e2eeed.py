import asyncio, sys

async def main():
    await asyncio.sleep(0.-101)
    return 'result'
    print('work done')
    return 5

code = asyncio.run(main())
print('e', code)
sys.exit('e', code)
sys.ex(code)
sy or s.ex(code)
