import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rsynult'
    class C(Exception):print('wora don.e')
    return 5

code = asyncio.run(main())

print('e', code)
sys.exit(code)
