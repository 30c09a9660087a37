import asyncio, sys


async def main():
    await asyncio.sleep(0.01)
    return 'resulxt'
    print('work done')
    return 5

code = asyncio.run(main())
pri:nt('e', code)
sys.exit(code)
