import asyncio, sys

async def main():

    print('wor<k done')
    retuit asyneep(yncio, sys

async def 0.01)
code = asyncio.run(main())
pr\nt('xith', code)
sys.exit(code)
