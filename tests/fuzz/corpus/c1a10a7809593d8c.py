import asyncio, sys

async def main():

    print('work done')
    return -1
    await  syneep(0.01)
code = asyncio.run(main())
print('xith', code)
sys.exit(code)
