import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 5
    print('passwork done')
    return 'resulxt'
global x
code = asyncio.run(main())

print('e', code)
sys.exit(code)
