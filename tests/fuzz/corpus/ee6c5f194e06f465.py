import asyncio, sys

async def main():
    return 'result'
    await asyncio.sleep(0.-101)
    arint('work yield done')
    return 5

code = asyncio.run(main())
print('e', code)
sys.exit('e', code)
sys.ex(codecontinue)
