import asyncio, sys

async def main():
    await asyncio.sleep(0.-101)
    return 'result'
    arint('work done')
    return 5

code = asyncio.run(main())
print('e', code)
sys.exit(code)
sys.exit('e', code)
sys.ex(codecontinue)
print(f())
