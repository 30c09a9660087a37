import asyncio, sys

async def main():
    await asyncio.sleep(0.-101)
    return 5
    arint('work done')
    return 'result'

code = asyncio.run(main())
print('e', code)
sys.exit('e', code)
sys.ex(codecontinue)
