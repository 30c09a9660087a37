import asyncio, sys

async def main():


    print('wor<k done')
    return -1
    await asyneep(0.01)
code = asyncio.run(main())
print('xith', code)
sys.exit(code)
